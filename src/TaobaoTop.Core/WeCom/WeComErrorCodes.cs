using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>WeCom errcodes the client knows by name (global error code page 90313); <see cref="WeComClassifier"/> says what each means.</summary>
    public static class WeComErrorCodes
    {
        public const int SystemBusy = -1;
        public const int InvalidSecret = 40001;
        public const int InvalidCorpId = 40013;
        public const int InvalidAccessToken = 40014;
        public const int SecretNotForCorp = 40091;
        public const int ApiNotAllowed = 48002;
        public const int NoPrivilege = 60011;
        public const int IpNotAllowed = 60020;
        public const int UntrustedIp = 301042;
        public const int AccessTokenExpired = 42001;
        public const int FrequencyLimited = 45009;
        public const int ConcurrencyLimited = 45033;
        public const int DataVersionConflict = 6000;
        public const int TooManyUsers = 41041;
        public const int InvalidConfigId = 41044;
        public const int NotExternalContact = 84061;

        internal static string Hint(int errCode)
        {
            switch (errCode)
            {
                case InvalidSecret: return CoreText.Get("WeComHintInvalidSecret");
                case InvalidCorpId: return CoreText.Get("WeComHintInvalidCorpId");
                case SecretNotForCorp: return CoreText.Get("WeComHintSecretNotForCorp");
                case ApiNotAllowed: return CoreText.Get("WeComHintApiNotAllowed");
                case IpNotAllowed:
                case UntrustedIp: return CoreText.Get("WeComHintUntrustedIp");
                case TooManyUsers: return CoreText.Get("WeComHintTooManyUsers");
                case NotExternalContact: return CoreText.Get("WeComHintNotExternalContact");
                default: return string.Empty;
            }
        }
    }
}

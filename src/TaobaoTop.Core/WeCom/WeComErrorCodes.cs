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
                case InvalidSecret: return ". The corp secret is wrong: check it in the app's details.";
                case InvalidCorpId: return ". The corp id is wrong.";
                case SecretNotForCorp: return ". The secret is not valid for this corp.";
                case ApiNotAllowed: return ". The app may not call this API: add it to 客户联系「可调用接口的应用」.";
                case IpNotAllowed:
                case UntrustedIp: return ". This machine's IP is not on the app's trusted IP list (企业可信IP).";
                case TooManyUsers: return ". A contact way takes at most 100 members, departments expanded.";
                case NotExternalContact: return ". The customer is not a customer of this member.";
                default: return string.Empty;
            }
        }
    }
}

using System;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>An answer in TOP's <c>error_response</c> shape.</summary>
    public sealed class TopApiException : Exception
    {
        public TopApiException(int code, string msg, string? subCode = null, string? subMsg = null)
            : base(subMsg ?? msg)
        {
            Code = code;
            Msg = msg;
            SubCode = subCode;
            SubMsg = subMsg;
        }

        public int Code { get; }

        public string Msg { get; }

        public string? SubCode { get; }

        public string? SubMsg { get; }

        public static TopApiException MissingArgument(string name)
            => new TopApiException(40, "Missing required arguments:" + name, "isv.missing-parameter:" + name, "缺少必选参数:" + name);

        public static TopApiException InvalidArgument(string name, string why)
            => new TopApiException(41, "Invalid arguments:" + name, "isv.invalid-parameter:" + name, why);

        /// <summary>A business error (code 15, as TOP's biz APIs answer) with its sub code.</summary>
        public static TopApiException Business(string subCode, string subMsg)
            => new TopApiException(15, "Remote service error", subCode, subMsg);
    }
}

namespace TaobaoTop
{
    /// <summary>What Test-TbkPid found for one PID.</summary>
    public sealed class TbkPidTestResult
    {
        public TbkPidTestResult(string pid, bool isValid, string? reason)
        {
            Pid = pid;
            IsValid = isValid;
            Reason = reason;
        }

        public string Pid { get; }

        public bool IsValid { get; }

        /// <summary>Why the PID is not valid; null when it is.</summary>
        public string? Reason { get; }

        public override string ToString() => Pid + ": " + (IsValid ? "valid" : Reason);
    }
}

using System.Management.Automation;
using TaobaoTop.Base;

namespace TaobaoTop.Cmdlets.Emulator
{
    /// <summary>Puts the connected emulator's state back to a seed: a Pester BeforeAll/BeforeEach starts from known data.</summary>
    [Cmdlet(VerbsCommon.Reset, "TaobaoEmulator", SupportsShouldProcess = true)]
    public sealed class ResetTaobaoEmulatorCommand : TaobaoCmdlet
    {
        /// <summary>The seed; the connection's seed when omitted.</summary>
        [Parameter(Position = 0)]
        public int? Seed { get; set; }

        protected override void OnEnd()
        {
            var connection = RequireConnection();
            if (connection.Emulator is null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSInvalidOperationException(Resources.Messages.Format("NotAnEmulator", connection.Endpoint)),
                    "NotAnEmulator",
                    ErrorCategory.InvalidOperation,
                    connection));
            }
            var seed = Seed ?? connection.Emulator!.Options.Seed;
            if (!ShouldProcess(Resources.Messages.Get("EmulatorStateTarget"), Resources.Messages.Format("ResetAction", seed))) return;
            connection.Emulator!.Reset(seed);
            WriteVerbose(Resources.Messages.Format("EmulatorReset", seed));
        }
    }
}

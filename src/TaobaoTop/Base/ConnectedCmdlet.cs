using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace TaobaoTop.Base
{
    /// <summary>
    /// Base of every cmdlet that calls a service (TOP or WeCom). A cmdlet writes <see cref="OnBegin"/>,
    /// <see cref="OnRecord"/> and <see cref="OnEnd"/> and lets failures throw: whatever escapes them is one terminating
    /// error made by <see cref="ErrorRecords.From"/>, the same id and category in every cmdlet. Work on one record of
    /// many goes through <see cref="Attempt"/>: its failure is a non-terminating error naming the record, and the
    /// cmdlet goes on with the next.
    /// </summary>
    public abstract class ConnectedCmdlet : AsyncCmdlet
    {
        protected sealed override void BeginProcessing() => Guard(OnBegin);

        protected sealed override void ProcessRecord() => Guard(OnRecord);

        protected sealed override void EndProcessing() => Guard(OnEnd);

        protected virtual void OnBegin()
        {
        }

        protected virtual void OnRecord()
        {
        }

        protected virtual void OnEnd()
        {
        }

        /// <summary>What a failure escaping OnBegin, OnRecord or OnEnd names (an API, a file); none by default.</summary>
        protected virtual object? ErrorTarget => null;

        /// <summary>Masks the connection's secrets in error text; the client has masked what it knows already.</summary>
        protected virtual string Redact(string text) => text;

        /// <summary>
        /// Runs the work of one record; a failure becomes a non-terminating error against <paramref name="target"/>
        /// (its message led by <paramref name="subject"/>) and false. A stopped pipeline still stops.
        /// </summary>
        protected bool Attempt(object? target, Action work, string? subject = null)
        {
            try
            {
                work();
                return true;
            }
            catch (Exception ex) when (!ErrorRecords.PassesThrough(ex))
            {
                WriteFailure(ex, target, subject);
                return false;
            }
        }

        /// <summary>As <see cref="Attempt(object, Action, string)"/>, returning what the work returns, or null after a failure.</summary>
        protected T? Attempt<T>(object? target, Func<T> work, string? subject = null)
            where T : class
        {
            T? result = null;
            Attempt(target, () => { result = work(); }, subject);
            return result;
        }

        /// <summary>For one call made for many records (a batch): a failure is one error for each of them, and null.</summary>
        protected T? AttemptBatch<T>(IEnumerable<object?> targets, Func<T> work)
            where T : class
        {
            try
            {
                return work();
            }
            catch (Exception ex) when (!ErrorRecords.PassesThrough(ex))
            {
                foreach (var target in targets) WriteFailure(ex, target);
                return null;
            }
        }

        /// <summary>A non-terminating error for a failure of one record.</summary>
        protected void WriteFailure(Exception ex, object? target, string? subject = null)
            => WriteError(ErrorRecords.From(ex, target, Redact, subject));

        /// <summary>A non-terminating error for one bad input, with an id of the cmdlet's own (e.g. InvalidPrice).</summary>
        protected void WriteInputError(string message, string errorId, ErrorCategory category, object? target)
            => WriteError(new ErrorRecord(new PSArgumentException(message), errorId, category, target));

        /// <summary>Stops the cmdlet for input that no record can be run with (e.g. two parameters that disagree).</summary>
        protected void ThrowInputError(string message, string errorId, ErrorCategory category, object? target)
            => ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), errorId, category, target));

        /// <summary>Stops the cmdlet: there is no connection, and nothing was sent.</summary>
        protected void ThrowNotConnected(string message)
            => ThrowTerminatingError(ErrorRecords.From(new NotConnectedException(message), null));

        private void Guard(Action step)
        {
            try
            {
                step();
            }
            catch (Exception ex) when (!ErrorRecords.PassesThrough(ex))
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ErrorTarget, Redact));
            }
        }
    }

    /// <summary>A cmdlet of one service: -Connection, or the session's current connection of that service.</summary>
    public abstract class ConnectedCmdlet<TConnection> : ConnectedCmdlet
        where TConnection : class
    {
        /// <summary>A connection from Connect-… -PassThru; the session's current one when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        public TConnection? Connection { get; set; }

        /// <summary>The session's current connection of the service, if any.</summary>
        protected abstract TConnection? SessionConnection { get; }

        /// <summary>What to say when there is none: how to connect.</summary>
        protected abstract string NotConnectedMessage { get; }

        /// <summary>The connection to use; stops the cmdlet with <see cref="NotConnectedMessage"/> when there is none.</summary>
        protected TConnection RequireConnection()
        {
            var connection = Connection ?? SessionConnection;
            if (connection is null) ThrowNotConnected(NotConnectedMessage);
            return connection!;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>
    /// Receives TOP's messages (TMC) over its HTTP API instead of polling: permits the user once, then consumes in
    /// batches, writes each message and confirms the batch after it has been written. A stop (Ctrl+C, Select-Object
    /// -First, a duration that ends) confirms only what was written; the rest comes again to the next receiver.
    /// </summary>
    [Cmdlet(VerbsCommunications.Receive, "TaobaoMessage")]
    [OutputType(typeof(TaobaoMessage))]
    public sealed class ReceiveTaobaoMessageCommand : TaobaoCmdlet
    {
        /// <summary>Only these topics (full names such as taobao_item_ItemAdd, or kinds such as ItemSoldOut); every topic when omitted.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(TopicCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Topic { get; set; }

        /// <summary>The consumer group; groups receive every message each.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Group { get; set; } = "default";

        /// <summary>How long to receive; until stopped when neither this nor -Until is given.</summary>
        [Parameter]
        public TimeSpan? Duration { get; set; }

        /// <summary>Receive until this time.</summary>
        [Parameter]
        public DateTimeOffset? Until { get; set; }

        /// <summary>Messages per consume call, 1 to 200.</summary>
        [Parameter]
        [ValidateRange(1, 200)]
        public int BatchSize { get; set; } = 100;

        /// <summary>Wait between consume calls that found nothing.</summary>
        [Parameter]
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

        protected override void OnEnd()
        {
            var deadline = Until ?? (Duration is TimeSpan duration ? DateTimeOffset.Now + duration : (DateTimeOffset?)null);
            var topics = Topic?.Select(TopicName).ToList();
            CallApi(new TopRequest("taobao.tmc.user.permit").With("topics", topics is null ? null : string.Join(",", topics)));
            var received = 0;
            while (!Cancellation.IsCancellationRequested)
            {
                var response = CallApi(new TopRequest("taobao.tmc.messages.consume").With("group_name", Group).With("quantity", BatchSize));
                var batch = ReadAnswer(response, r => r.Body.List("messages").Select(TaobaoMessage.FromJson).ToList());
                if (batch.Count > 0)
                {
                    WriteVerbose(Resources.Messages.Format("MessagesFromGroup", batch.Count, Group));
                    Emit(batch);
                    received += batch.Count;
                    continue;
                }
                var left = deadline is DateTimeOffset end ? end - DateTimeOffset.Now : PollInterval;
                if (left <= TimeSpan.Zero) break;
                Cancellation.WaitHandle.WaitOne(left < PollInterval ? left : PollInterval);
            }
            WriteVerbose(Resources.Messages.Format("MessagesReceived", received));
        }

        /// <summary>Writes the batch, then confirms what was written, also when the pipeline stops halfway.</summary>
        private void Emit(List<TaobaoMessage> batch)
        {
            var written = new List<long>();
            try
            {
                foreach (var message in batch)
                {
                    try
                    {
                        WriteObject(message);
                    }
                    catch (PipelineStoppedException ex) when (!Stopping && ex.InnerException is null)
                    {
                        // Select-Object -First stops the pipeline from inside the write that handed it its last message;
                        // Ctrl+C (Stopping) and a downstream error (the inner exception) leave the message unconfirmed.
                        written.Add(message.Id);
                        throw;
                    }
                    written.Add(message.Id);
                }
            }
            finally
            {
                Confirm(written);
            }
        }

        private void Confirm(List<long> ids)
        {
            if (ids.Count == 0) return;
            var request = new TopRequest("taobao.tmc.messages.confirm").With("group_name", Group).With("s_message_ids", string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))));
            try
            {
                // After a stop the cmdlet's own token is cancelled; the confirmation still goes out, briefly.
                using (var brief = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10)))
                {
                    RequireConnection().Client.InvokeAsync(request, null, brief.Token).GetAwaiter().GetResult();
                }
            }
            catch (TopException ex)
            {
                // Unconfirmed messages come again: a duplicate, never a loss.
                WriteWarning(Resources.Messages.Format("MessagesNotConfirmed", ids.Count, ex.Message));
            }
        }

        private static string TopicName(string topic)
            => Enum.TryParse<TaobaoMessageKind>(topic, true, out var kind) && TaobaoMessage.TopicOf(kind) is string name ? name : topic;
    }

    /// <summary>Completes the item topics by kind and by full name.</summary>
    public sealed class TopicCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, System.Management.Automation.Language.CommandAst commandAst, System.Collections.IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (TaobaoMessageKind kind in Enum.GetValues(typeof(TaobaoMessageKind)))
            {
                if (TaobaoMessage.TopicOf(kind) is string name && kind.ToString().StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(kind.ToString(), kind.ToString(), CompletionResultType.ParameterValue, name);
            }
        }
    }
}

using System;
using System.Management.Automation;
using System.Text.Json;
using TaobaoTop.Base;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Cmdlets.Affiliate
{
    /// <summary>Base of the affiliate cmdlets: a failed call or a bad input is one non-terminating error that names the input.</summary>
    public abstract class TbkCmdlet : TaobaoCmdlet
    {
        /// <summary>Calls the API; on failure writes the error against <paramref name="target"/> (its message led by <paramref name="subject"/>) and returns null.</summary>
        protected TopResponse? TryCall(TopRequest request, object target, string? subject = null)
        {
            try
            {
                return CallApi(request);
            }
            catch (TopException ex)
            {
                WriteCallError(ex, target, subject);
                return null;
            }
        }

        /// <summary>Same as <see cref="TryCall"/>, but TOP's 无结果 (sub code 50001) is an empty answer rather than an error.</summary>
        protected TopResponse? TryCallAllowingNoResult(TopRequest request, object target, out bool noResult)
        {
            noResult = false;
            try
            {
                return CallApi(request);
            }
            catch (TopApiException ex) when (ex.SubCode == "50001")
            {
                noResult = true;
                return null;
            }
            catch (TopException ex)
            {
                WriteCallError(ex, target);
                return null;
            }
        }

        /// <summary>Reads an answer into a model; an answer without the expected fields, or one that says it was refused, is an error against <paramref name="target"/>.</summary>
        protected T? Read<T>(TopResponse response, Func<JsonElement, T> read, object target)
            where T : class
        {
            try
            {
                return read(response.Body);
            }
            catch (FormatException ex)
            {
                WriteCallError(new TopResponseException(response.Api, response.Api + ": " + ex.Message, response.RawJson), target);
                return null;
            }
            catch (TopApiException ex)
            {
                // A refusal inside a successful answer (success: false with msg_code), as the 淘礼金 and 红包 APIs give.
                WriteCallError(ex, target);
                return null;
            }
        }

        protected void WriteInputError(string message, string errorId, ErrorCategory category, object? target)
            => WriteError(new ErrorRecord(new PSArgumentException(message), errorId, category, target));

        /// <summary>An old numeric id cannot be used with the upgraded affiliate APIs; say how to convert it.</summary>
        protected void WriteLegacyIdError(string id)
            => WriteInputError(
                Resources.Messages.Format("LegacyItemId", id, MyInvocation.MyCommand.Name),
                "LegacyItemId",
                ErrorCategory.InvalidArgument,
                id);
    }
}

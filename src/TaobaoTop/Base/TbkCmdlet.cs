using System;
using System.IO;
using System.Management.Automation;
using System.Text.Json;
using TaobaoTop.Core.Affiliate;
using TaobaoTop.Core.Affiliate.Orders;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Base
{
    /// <summary>Base of the affiliate cmdlets: a failed call or a bad input is one non-terminating error that names the input.</summary>
    public abstract class TbkCmdlet : TaobaoCmdlet
    {
        /// <summary>The answer, or null for TOP's 无结果 (sub code 50001): a search that matched nothing is no failure.</summary>
        protected TopResponse? CallAllowingNoResult(TopRequest request)
        {
            try
            {
                return CallApi(request);
            }
            catch (TopApiException ex) when (TbkAnswers.IsNoResult(ex))
            {
                return null;
            }
        }

        /// <summary>
        /// Reads an answer's body into a model (<see cref="TaobaoCmdlet.ReadAnswer"/>); one that says it was refused
        /// (success: false with msg_code, as the 淘礼金 and 红包 APIs give) throws its TopApiException.
        /// </summary>
        protected T Read<T>(TopResponse response, Func<JsonElement, T> read) => ReadAnswer(response, r => read(r.Body));

        /// <summary>Calls the API and reads its answer; a failure is one error against <paramref name="target"/>, and null.</summary>
        protected T? Fetch<T>(TopRequest request, Func<JsonElement, T> read, object target, string? subject = null)
            where T : class
            => Attempt(target, () => Read(CallApi(request), read), subject);

        /// <summary>As <see cref="Fetch{T}"/>, for the readers that need the whole answer (its API, its raw text).</summary>
        protected T? FetchAnswer<T>(TopRequest request, Func<TopResponse, T> read, object target)
            where T : class
            => Attempt(target, () => ReadAnswer(CallApi(request), read));

        /// <summary>The big-sale days (shipped, and the user's file if any); an unreadable user file stops the cmdlet naming it.</summary>
        protected BigSaleCalendar LoadBigSales()
        {
            try
            {
                return BigSaleCalendar.Load();
            }
            catch (Exception ex) when (ex is FormatException || ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "BigSaleCalendarUnreadable", ErrorCategory.InvalidData, BigSaleCalendar.UserFilePath));
                throw;
            }
        }

        /// <summary>An old numeric id cannot be used with the upgraded affiliate APIs; say how to convert it.</summary>
        protected void WriteLegacyIdError(string id)
            => WriteInputError(
                Resources.Messages.Format("LegacyItemId", id, MyInvocation.MyCommand.Name),
                "LegacyItemId",
                ErrorCategory.InvalidArgument,
                id);
    }
}

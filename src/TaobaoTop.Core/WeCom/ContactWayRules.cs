using System;
using System.Collections.Generic;
using System.Linq;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.WeCom
{
    /// <summary>The contact way limits WeCom enforces, checked before a call so a bad code costs no request.</summary>
    public static class ContactWayRules
    {
        /// <summary>state and remark: at most 30 characters (WeCom does not say how it counts CJK; we count UTF-16 characters).</summary>
        public const int MaxTextLength = 30;

        /// <summary>Members per contact way, departments expanded (WeCom answers 41041 beyond).</summary>
        public const int MaxMembers = 100;

        /// <summary>Problems with a new or changed contact way; empty when it is fine. Departments are expanded only by WeCom.</summary>
        public static IList<string> Check(string? state, string? remark, IReadOnlyCollection<string>? users, IReadOnlyCollection<long>? parties, bool creating)
        {
            var problems = new List<string>();
            if (state != null && state.Length > MaxTextLength)
                problems.Add(CoreText.Format("ContactWayStateTooLong", state, state.Length, MaxTextLength));
            if (remark != null && remark.Length > MaxTextLength)
                problems.Add(CoreText.Format("ContactWayRemarkTooLong", remark.Length, MaxTextLength));
            var userCount = users?.Distinct(StringComparer.Ordinal).Count() ?? 0;
            if (userCount > MaxMembers)
                problems.Add(CoreText.Format("ContactWayTooManyMembers", userCount, MaxMembers));
            if (users != null && users.Any(string.IsNullOrWhiteSpace))
                problems.Add(CoreText.Get("ContactWayEmptyUser"));
            if (creating && userCount == 0 && (parties == null || parties.Count == 0))
                problems.Add(CoreText.Get("ContactWayNoMember"));
            return problems;
        }

        /// <summary>1 (single member) for exactly one user and no department, else 2 (several members).</summary>
        public static int TypeFor(IReadOnlyCollection<string>? users, IReadOnlyCollection<long>? parties)
            => (users?.Count ?? 0) == 1 && (parties == null || parties.Count == 0) ? 1 : 2;
    }
}

using System.Collections.Generic;
using System.Linq;

namespace TaobaoTop.Core.Catalog
{
    public enum TopSessionRequirement
    {
        /// <summary>The catalog does not know.</summary>
        Unknown,

        /// <summary>不需要授权: called with the app key alone.</summary>
        None,

        /// <summary>可选授权: a session changes what comes back.</summary>
        Optional,

        /// <summary>需要授权: a user's session is required.</summary>
        Required,
    }

    /// <summary>One API of the catalog.</summary>
    public sealed class TopApiInfo
    {
        public TopApiInfo(string method, string title, string role, TopSessionRequirement session, IReadOnlyList<string> requiredParameters, bool writes, string? answerRoot)
        {
            Writes = writes;
            AnswerRoot = answerRoot;
            Method = method;
            Title = title;
            Role = role;
            Session = session;
            RequiredParameters = requiredParameters;
        }

        /// <summary>e.g. <c>taobao.tbk.tpwd.create</c>.</summary>
        public string Method { get; }

        /// <summary>The Chinese title of the API doc, e.g. 淘宝客-公用-淘口令生成.</summary>
        public string Title { get; }

        /// <summary>promoter (推广者, dg), provider (服务商, sc), common (公用), seller, auth, other.</summary>
        public string Role { get; }

        public TopSessionRequirement Session { get; }

        /// <summary>What the API documents as required; empty where the catalog's source only inferred it.</summary>
        public IReadOnlyList<string> RequiredParameters { get; }

        /// <summary>
        /// Whether the API changes anything (an item, a gift, a minted link or password): such a call is never sent
        /// twice after a failure that may have been carried out.
        /// </summary>
        public bool Writes { get; }

        /// <summary>The answer's wrapper object, e.g. <c>tbk_tpwd_create_response</c>; null when not known.</summary>
        public string? AnswerRoot { get; }

        /// <summary>
        /// The required parameters absent from <paramref name="parameters"/> or empty there, and not among
        /// <paramref name="fileNames"/> (an upload's file part), in catalog order.
        /// </summary>
        public IReadOnlyList<string> MissingParameters(IDictionary<string, string?> parameters, ICollection<string>? fileNames = null)
            => RequiredParameters.Where(name => (!parameters.TryGetValue(name, out var value) || string.IsNullOrEmpty(value)) && (fileNames == null || !fileNames.Contains(name))).ToList();

        public override string ToString() => Method + " " + Title;
    }
}

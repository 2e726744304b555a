using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>Sets the system parameters and signs them with the business parameters, afresh on every attempt.</summary>
    public sealed class SigningPolicy : IPipelinePolicy<TopCall>
    {
        public Task ProcessAsync(TopCall call, Func<Task> next)
        {
            Sign(call);
            return next();
        }

        public static void Sign(TopCall call)
        {
            var options = call.Options;
            var system = call.SystemParameters;
            system.Clear();
            system["method"] = call.Request.Method;
            system["app_key"] = options.AppKey;
            system["target_app_key"] = options.TargetAppKey;
            system["sign_method"] = options.SignMethod.ToWireName();
            system["session"] = call.Session?.Reveal();
            system["timestamp"] = TopTime.ToTopString(options.Clock());
            system["format"] = "json";
            system["v"] = "2.0";
            system["partner_id"] = options.PartnerId;
            system["simplify"] = options.Simplify ? "true" : null;
            system["sign"] = TopSigner.Sign(Signed(system, call.Request.Parameters), options.AppSecret.Reveal(), options.SignMethod);
        }

        private static IEnumerable<KeyValuePair<string, string?>> Signed(IDictionary<string, string?> system, IDictionary<string, string?> business)
        {
            foreach (var pair in system) yield return pair;
            foreach (var pair in business)
            {
                if (!system.ContainsKey(pair.Key)) yield return pair;
            }
        }
    }
}

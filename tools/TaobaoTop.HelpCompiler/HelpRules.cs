using System.Management.Automation;

namespace TaobaoTop.HelpCompiler;

/// <summary>What every cmdlet's page must have; each problem names the gap so the author knows what to write.</summary>
public static class HelpRules
{
    public const int MinimumExamples = 2;

    public static IEnumerable<string> Check(CmdletInfo cmdlet, CmdletDoc doc)
    {
        foreach (var problem in doc.Problems) yield return problem;
        if (!string.Equals(doc.Name, cmdlet.Name, StringComparison.Ordinal)) yield return $"the page's title is \"# {doc.Name}\", expected \"# {cmdlet.Name}\"";
        if (doc.Synopsis.Count == 0) yield return "## SYNOPSIS is missing or empty";
        if (doc.Description.Count == 0) yield return "## DESCRIPTION is missing or empty";
        if (doc.Examples.Count < MinimumExamples) yield return $"## EXAMPLES has {doc.Examples.Count} example(s) with code, at least {MinimumExamples} are needed";

        var parameters = cmdlet.ParameterSets.SelectMany(s => s.Parameters).Select(p => p.Name)
            .Where(n => !MamlWriter.IsCommon(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var name in parameters)
        {
            var description = doc.ParameterDescription(name);
            if (description is null) yield return $"parameter -{name} is not described: add \"### -{name}\" with a description under ## PARAMETERS";
            else if (description.Count == 0) yield return $"parameter -{name} has an empty description under ## PARAMETERS";
        }
        foreach (var documented in doc.Parameters.Select(p => p.Key))
        {
            if (!parameters.Contains(documented, StringComparer.OrdinalIgnoreCase)) yield return $"### -{documented} is documented but {cmdlet.Name} has no such parameter";
        }
    }
}

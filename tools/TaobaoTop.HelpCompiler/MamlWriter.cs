using System.Collections;
using System.Management.Automation;
using System.Xml;

namespace TaobaoTop.HelpCompiler;

/// <summary>Writes PowerShell's MAML help: prose from the page, syntax and parameter facts from the cmdlet itself.</summary>
public static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(string path, IEnumerable<(CmdletInfo Cmdlet, CmdletDoc Doc)> pages)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var xml = XmlWriter.Create(temporary, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("helpItems", Msh);
            xml.WriteAttributeString("schema", "maml");
            foreach (var (cmdlet, doc) in pages) WriteCommand(xml, cmdlet, doc);
            xml.WriteEndElement();
        }
        // Builds run side by side: a reader sees the old file or the new one, never half of one.
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteCommand(XmlWriter xml, CmdletInfo cmdlet, CmdletDoc doc)
    {
        xml.WriteStartElement("command", "command", Command);
        xml.WriteAttributeString("xmlns", "maml", null, Maml);
        xml.WriteAttributeString("xmlns", "dev", null, Dev);

        xml.WriteStartElement("details", Command);
        xml.WriteElementString("name", Command, cmdlet.Name);
        xml.WriteElementString("verb", Command, cmdlet.Verb);
        xml.WriteElementString("noun", Command, cmdlet.Noun);
        Paragraphs(xml, "description", Maml, doc.Synopsis);
        xml.WriteEndElement();

        Paragraphs(xml, "description", Maml, doc.Description);

        var defaults = Defaults(cmdlet.ImplementingType);
        xml.WriteStartElement("syntax", Command);
        foreach (var set in cmdlet.ParameterSets)
        {
            xml.WriteStartElement("syntaxItem", Command);
            xml.WriteElementString("name", Maml, cmdlet.Name);
            foreach (var parameter in set.Parameters.Where(p => !IsCommon(p.Name)).OrderBy(p => p.Position < 0 ? int.MaxValue : p.Position))
            {
                WriteParameter(xml, parameter, doc, defaults, inSyntax: true);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("parameters", Command);
        foreach (var parameter in DistinctParameters(cmdlet, doc)) WriteParameter(xml, parameter, doc, defaults, inSyntax: false);
        xml.WriteEndElement();

        TypeNotes(xml, "inputTypes", "inputType", doc.Inputs);
        TypeNotes(xml, "returnValues", "returnValue", doc.Outputs);

        xml.WriteStartElement("alertSet", Maml);
        xml.WriteStartElement("alert", Maml);
        foreach (var note in doc.Notes) xml.WriteElementString("para", Maml, note);
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("examples", Command);
        foreach (var example in doc.Examples)
        {
            xml.WriteStartElement("example", Command);
            xml.WriteElementString("title", Maml, ExampleTitle(example.Title));
            xml.WriteElementString("code", Dev, example.Code);
            // The empty paragraph keeps a blank line between one example's remarks and the next title.
            Paragraphs(xml, "remarks", Dev, example.Remarks.Append(string.Empty));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("relatedLinks", Command);
        foreach (var link in doc.RelatedLinks)
        {
            xml.WriteStartElement("navigationLink", Maml);
            xml.WriteElementString("linkText", Maml, link.Text);
            xml.WriteElementString("uri", Maml, link.Uri);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    /// <summary>The title between dashes, as Get-Help shows examples, kept within 100 columns.</summary>
    private static string ExampleTitle(string title)
    {
        var dashes = new string('-', Math.Clamp((98 - title.Length) / 2, 2, 26));
        return dashes + " " + title + " " + dashes;
    }

    public static bool IsCommon(string name) => Cmdlet.CommonParameters.Contains(name);

    /// <summary>Each parameter once, in the page's order (then any the page misses, by name).</summary>
    public static IEnumerable<CommandParameterInfo> DistinctParameters(CmdletInfo cmdlet, CmdletDoc doc)
    {
        var all = cmdlet.ParameterSets.SelectMany(s => s.Parameters).Where(p => !IsCommon(p.Name))
            .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(p => p.IsMandatory).First())
            .ToList();
        var order = doc.Parameters.Select(p => p.Key).ToList();
        return all.OrderBy(p => order.FindIndex(n => string.Equals(n, p.Name, StringComparison.OrdinalIgnoreCase)) is var i && i >= 0 ? i : int.MaxValue).ThenBy(p => p.Name);
    }

    private static void WriteParameter(XmlWriter xml, CommandParameterInfo parameter, CmdletDoc doc, IDictionary<string, string> defaults, bool inSyntax)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var isSwitch = type == typeof(SwitchParameter);
        xml.WriteStartElement("parameter", Command);
        xml.WriteAttributeString("required", parameter.IsMandatory ? "true" : "false");
        xml.WriteAttributeString("variableLength", type.IsArray ? "true" : "false");
        xml.WriteAttributeString("globbing", parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any() ? "true" : "false");
        xml.WriteAttributeString("pipelineInput", PipelineInput(parameter));
        xml.WriteAttributeString("position", parameter.Position >= 0 ? parameter.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named");
        xml.WriteAttributeString("aliases", parameter.Aliases.Count > 0 ? string.Join(", ", parameter.Aliases) : "none");
        xml.WriteElementString("name", Maml, parameter.Name);
        Paragraphs(xml, "description", Maml, doc.ParameterDescription(parameter.Name) ?? new List<string>());

        var validValues = parameter.Attributes.OfType<ValidateSetAttribute>().SelectMany(a => a.ValidValues).ToList();
        if (inSyntax && validValues.Count > 0)
        {
            xml.WriteStartElement("parameterValueGroup", Command);
            foreach (var validValue in validValues)
            {
                xml.WriteStartElement("parameterValue", Command);
                xml.WriteAttributeString("required", "false");
                xml.WriteAttributeString("variableLength", "false");
                xml.WriteString(validValue);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        else if (!isSwitch)
        {
            xml.WriteStartElement("parameterValue", Command);
            xml.WriteAttributeString("required", "true");
            xml.WriteAttributeString("variableLength", type.IsArray ? "true" : "false");
            xml.WriteString(type.Name);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("type", Dev);
        xml.WriteElementString("name", Maml, type.FullName ?? type.Name);
        xml.WriteElementString("uri", Maml, string.Empty);
        xml.WriteEndElement();
        xml.WriteElementString("defaultValue", Dev, defaults.TryGetValue(parameter.Name, out var value) ? value : "None");
        xml.WriteEndElement();
    }

    private static string PipelineInput(CommandParameterInfo parameter)
    {
        var ways = new List<string>();
        if (parameter.ValueFromPipeline) ways.Add("ByValue");
        if (parameter.ValueFromPipelineByPropertyName) ways.Add("ByPropertyName");
        return ways.Count == 0 ? "False" : "True (" + string.Join(", ", ways) + ")";
    }

    /// <summary>What a new cmdlet object holds before binding: the defaults a user gets by omitting a parameter.</summary>
    private static IDictionary<string, string> Defaults(Type cmdletType)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        object instance;
        try
        {
            instance = Activator.CreateInstance(cmdletType)!;
        }
        catch (MissingMethodException)
        {
            return defaults;
        }
        foreach (var property in cmdletType.GetProperties().Where(p => p.GetCustomAttributes(typeof(ParameterAttribute), true).Length > 0))
        {
            var value = property.GetValue(instance);
            var text = value switch
            {
                null => null,
                SwitchParameter s => s.IsPresent ? "True" : null,
                string s => s.Length > 0 ? s : null,
                ICollection { Count: 0 } => null,
                IEnumerable e => string.Join(", ", e.Cast<object>()),
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            };
            if (text != null) defaults[property.Name] = text;
        }
        return defaults;
    }

    private static void TypeNotes(XmlWriter xml, string listElement, string itemElement, List<TypeNote> notes)
    {
        xml.WriteStartElement(listElement, Command);
        foreach (var note in notes)
        {
            xml.WriteStartElement(itemElement, Command);
            xml.WriteStartElement("type", Dev);
            xml.WriteElementString("name", Maml, note.TypeName);
            xml.WriteEndElement();
            Paragraphs(xml, "description", Maml, note.Description);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Paragraphs(XmlWriter xml, string element, string ns, IEnumerable<string> paragraphs)
    {
        xml.WriteStartElement(element, ns);
        foreach (var paragraph in paragraphs) xml.WriteElementString("para", Maml, paragraph);
        xml.WriteEndElement();
    }
}

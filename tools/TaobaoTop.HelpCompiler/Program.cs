using System.Management.Automation;
using System.Management.Automation.Runspaces;
using TaobaoTop.HelpCompiler;

// usage: TaobaoTop.HelpCompiler <module folder> <docs folder> [--warn-only]
// Writes <module>/en-US/TaobaoTop.dll-Help.xml (and one per translated culture) and the about topics; fails with one line per gap in the docs, or with
// --warn-only reports the gaps as warnings and compiles what is there.
var warnOnly = args.Contains("--warn-only");
var paths = args.Where(a => a != "--warn-only").ToArray();
if (paths.Length != 2)
{
    Console.Error.WriteLine("usage: TaobaoTop.HelpCompiler <module folder> <docs folder> [--warn-only]");
    return 2;
}
var moduleFolder = Path.GetFullPath(paths[0]);
var docsFolder = Path.GetFullPath(paths[1]);
var severity = warnOnly ? "warning" : "error";
var cmdletDocs = Path.Combine(docsFolder, "cmdlets");

List<CmdletInfo> cmdlets;
using (var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
{
    runspace.Open();
    using var ps = PowerShell.Create();
    ps.Runspace = runspace;
    // The engine loads TaobaoTop.dll and its dependencies from the module folder and binds parameters as it will for users.
    ps.AddCommand("Import-Module").AddParameter("Name", Path.Combine(moduleFolder, "TaobaoTop.psd1")).AddParameter("PassThru").AddParameter("ErrorAction", "Stop");
    var module = (PSModuleInfo)ps.Invoke().Single().BaseObject;
    cmdlets = module.ExportedCmdlets.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
}

var problems = new List<string>();
var english = new List<(CmdletInfo, CmdletDoc)>();
foreach (var cmdlet in cmdlets)
{
    var file = Path.Combine(cmdletDocs, cmdlet.Name + ".md");
    if (!File.Exists(file))
    {
        problems.Add($"{file}: {severity} HELP001: {cmdlet.Name} is exported but has no help page: write {Path.GetRelativePath(Directory.GetCurrentDirectory(), file)} (platyPS style)");
        continue;
    }
    english.Add((cmdlet, Read(cmdlet, file)));
}

// docs/<culture>/cmdlets/ translates some pages; Get-Help in that culture shows the English page for the others.
var translations = Directory.EnumerateDirectories(docsFolder)
    .Where(d => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(d), "^[a-z]{2}-[A-Z]{2}$"))
    .ToDictionary(d => Path.GetFileName(d)!, d => english.Select(page =>
    {
        var file = Path.Combine(d, "cmdlets", page.Item1.Name + ".md");
        return File.Exists(file) ? (page.Item1, Read(page.Item1, file)) : page;
    }).ToList());

// A page whose cmdlet is gone (renamed, removed) would silently go stale.
var exported = cmdlets.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
foreach (var page in Directory.EnumerateFiles(docsFolder, "*.md", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "cmdlets"))
{
    var name = Path.GetFileNameWithoutExtension(page);
    if (!exported.Contains(name)) problems.Add($"{page}: {severity} HELP003: {name} is not exported by the module: remove or rename the page");
}

foreach (var problem in problems) Console.WriteLine(problem);
if (problems.Count > 0 && !warnOnly) return 1;

Compile(Path.Combine(moduleFolder, "en-US"), docsFolder, english);
foreach (var (culture, pages) in translations) Compile(Path.Combine(moduleFolder, culture), Path.Combine(docsFolder, culture), pages);
Console.WriteLine($"TaobaoTop help: {english.Count} cmdlets, en-US{string.Concat(translations.Keys.Select(c => ", " + c))} → {moduleFolder}");
return 0;

CmdletDoc Read(CmdletInfo cmdlet, string file)
{
    var doc = CmdletDoc.Parse(File.ReadAllText(file));
    problems.AddRange(HelpRules.Check(cmdlet, doc).Select(p => $"{file}: {severity} HELP002: {cmdlet.Name}: {p}"));
    return doc;
}

static void Compile(string helpFolder, string docs, List<(CmdletInfo, CmdletDoc)> pages)
{
    Directory.CreateDirectory(helpFolder);
    MamlWriter.Write(Path.Combine(helpFolder, "TaobaoTop.dll-Help.xml"), pages);
    foreach (var about in Directory.EnumerateFiles(docs, "about_*.md"))
    {
        var target = Path.Combine(helpFolder, Path.GetFileNameWithoutExtension(about) + ".help.txt");
        File.WriteAllText(target, AboutTopic.Convert(File.ReadAllText(about)));
    }
}

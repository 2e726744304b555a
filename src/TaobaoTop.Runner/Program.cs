using System.Management.Automation.Runspaces;
using System.Text;
using System.Text.RegularExpressions;
using TaobaoTop.Runner;

var arguments = RunnerArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine(RunnerArguments.Usage);
    return 2;
}

Console.OutputEncoding = new UTF8Encoding(false);
var manifest = ModuleLocation.Manifest();
if (manifest is null)
{
    Console.Error.WriteLine("out/TaobaoTop/TaobaoTop.psd1 not found above " + AppContext.BaseDirectory + ": run `dotnet build TaobaoTop.sln` in the repository.");
    return 2;
}

var host = new ConsoleHost();
using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
runspace.Open();
var runner = new ScriptRunner(runspace, host);

if (!runner.Run($"Import-Module '{Quote(manifest)}' -ErrorAction Stop")) return 1;
if (arguments.Emulator && !runner.Run("Connect-TaobaoTop -Emulator")) return 1;

string script;
if (arguments.Command != null)
{
    script = arguments.Command;
}
else
{
    var path = Path.GetFullPath(arguments.ScriptPath!);
    if (!File.Exists(path))
    {
        Console.Error.WriteLine("The script " + path + " does not exist.");
        return 2;
    }
    // Bare -Name words stay parameter names, as pwsh -File binds them; every other argument is a quoted string.
    script = "& '" + Quote(path) + "' " + string.Join(" ", arguments.ScriptArguments.Select(a => IsParameterName(a) ? a : "'" + Quote(a) + "'"));
}

var succeeded = runner.Run(script);
if (host.ExitCode.HasValue) return host.ExitCode.Value;
if (arguments.ScriptPath != null && runner.LastExitCode is int code and not 0) return code;
return succeeded ? 0 : 1;

static string Quote(string text) => text.Replace("'", "''");

static bool IsParameterName(string arg) => Regex.IsMatch(arg, @"^-[A-Za-z_][A-Za-z0-9_]*:?$");

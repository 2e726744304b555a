using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Usage: TaobaoTop.Isolation.Host SCRIPT [NAME=VALUE]...: runs the script with those variables set, prints its
// output, and exits 1 on any error.
var state = InitialSessionState.CreateDefault2();
foreach (var pair in args.Skip(1))
{
    var at = pair.IndexOf('=');
    state.Variables.Add(new SessionStateVariableEntry(pair[..at], pair[(at + 1)..], null));
}
using var runspace = RunspaceFactory.CreateRunspace(state);
runspace.Open();
using var ps = PowerShell.Create();
ps.Runspace = runspace;
ps.AddScript(File.ReadAllText(args[0]));
try
{
    foreach (var item in ps.Invoke()) Console.WriteLine(item);
}
catch (RuntimeException ex)
{
    Console.WriteLine("terminating error: " + ex.ErrorRecord + "\n" + ex);
    return 1;
}
foreach (var error in ps.Streams.Error) Console.WriteLine("error: " + error + "\n" + error.Exception);
return ps.Streams.Error.Count == 0 ? 0 : 1;

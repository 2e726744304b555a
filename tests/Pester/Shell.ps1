. (Join-Path $PSScriptRoot '../../tools/Shell.ps1')

# Runs a script in a fresh shell and returns what it printed; $LASTEXITCODE is the shell's exit code.
function Invoke-FreshShell([string] $Script) {
    $shell = Get-ShellCommand
    $arguments = @($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Script)
    & $shell[0] @arguments 2>&1 | ForEach-Object { "$_" }
}

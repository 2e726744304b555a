# The shell running the tests, as a command for a child process: a fresh pwsh (dotnet pwsh runs pwsh.dll under dotnet).
function Get-ShellCommand {
    if ($PSVersionTable.PSEdition -eq 'Desktop') { return , @(Join-Path $PSHOME 'powershell.exe') }
    $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return , @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    return , @($process)
}

# Runs a script in a fresh shell and returns what it printed; $LASTEXITCODE is the shell's exit code.
function Invoke-FreshShell([string] $Script) {
    $shell = Get-ShellCommand
    $arguments = @($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Script)
    & $shell[0] @arguments 2>&1 | ForEach-Object { "$_" }
}

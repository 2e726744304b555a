# The shell running this script, as a command line for a child process: powershell.exe in Windows PowerShell, pwsh,
# or dotnet with pwsh.dll for the dotnet tool (`dotnet pwsh`). Shared by build.ps1 and the Pester scenarios.
function Get-ShellCommand {
    if ($PSVersionTable.PSEdition -eq 'Desktop') { return , @(Join-Path $PSHOME 'powershell.exe') }
    $process = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return , @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    return , @($process)
}

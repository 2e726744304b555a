<#
.SYNOPSIS
    Builds, tests, runs and packages TaobaoTop. Runs in PowerShell 7 and in Windows PowerShell 5.1.
.DESCRIPTION
    On a machine with only the .NET SDK: `dotnet tool restore` gives the pinned PowerShell (`dotnet pwsh`), and this
    script gets everything else it needs from the package registry (Pester 5.9.1 through tools/Pester).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1                    # Build: lays out the module at out/TaobaoTop
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Quickstart     # builds, then runs examples/quickstart.ps1 against the emulator
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test           # the xunit suites, the package, then tests/Pester under Pester 5.9.1
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Package        # out/packages/TaobaoTop.<version>.nupkg through Publish-PSResource
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Quickstart', 'Test', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$moduleFolder = Join-Path $PSScriptRoot 'out/TaobaoTop'
$packageFolder = Join-Path $PSScriptRoot 'out/packages'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

# Child processes import the module, so the files under out/ stay unlocked for the next build (on Windows a loaded
# assembly cannot be overwritten).
. (Join-Path $PSScriptRoot 'tools/Shell.ps1')

function ConvertTo-Literal([string] $Text) { "'" + $Text.Replace("'", "''") + "'" }

function Invoke-Shell([string] $Command) {
    $shell = Get-ShellCommand
    $arguments = @($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    & $shell[0] @arguments
    if ($LASTEXITCODE -ne 0) { throw "The script failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    Invoke-Dotnet build TaobaoTop.sln -c $Configuration
    Write-Host "Module laid out at $moduleFolder"
}

function Invoke-Package {
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    $null = New-Item -ItemType Directory -Force -Path $packageFolder
    $version = (Import-PowerShellDataFile (Join-Path $moduleFolder 'TaobaoTop.psd1')).ModuleVersion
    Remove-Item (Join-Path $packageFolder "TaobaoTop.$version.nupkg") -ErrorAction SilentlyContinue
    # A repository registered for this run only, so the user's repository list is left as it was.
    $repository = 'TaobaoTopBuild' + [guid]::NewGuid().ToString('N')
    Register-PSResourceRepository -Name $repository -Uri $packageFolder -Trusted
    try {
        Publish-PSResource -Path $moduleFolder -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    Write-Host "Package: $(Join-Path $packageFolder "TaobaoTop.$version.nupkg")"
}

function Get-PesterModulePath {
    Invoke-Dotnet restore (Join-Path $PSScriptRoot 'tools/Pester/Pester.csproj') --verbosity quiet
    $line = & dotnet nuget locals global-packages --list
    $packages = ($line -replace '^global-packages:\s*', '').Trim()
    Join-Path $packages 'pester/5.9.1/tools/Pester.psd1'
}

switch ($Task) {
    'Build' {
        Invoke-Build
    }
    'Quickstart' {
        Invoke-Build
        $manifest = Join-Path $moduleFolder 'TaobaoTop.psd1'
        $quickstart = Join-Path $PSScriptRoot 'examples/quickstart.ps1'
        Invoke-Shell "Import-Module $(ConvertTo-Literal $manifest); & $(ConvertTo-Literal $quickstart)"
    }
    'Test' {
        Invoke-Build
        # One test assembly at a time: several tests measure pacing and timing, which other assemblies running beside
        # them on a 2-core machine would distort.
        Invoke-Dotnet test TaobaoTop.sln -c $Configuration --no-build '-maxcpucount:1'
        Invoke-Package
        $pester = Get-PesterModulePath
        $tests = Join-Path $PSScriptRoot 'tests/Pester'
        $results = Join-Path $PSScriptRoot 'TestResults/pester.xml'
        Invoke-Shell "Import-Module $(ConvertTo-Literal $pester); `$c = New-PesterConfiguration; `$c.Run.Path = $(ConvertTo-Literal $tests); `$c.Run.Exit = `$true; `$c.Output.Verbosity = 'Normal'; `$c.TestResult.Enabled = `$true; `$c.TestResult.OutputPath = $(ConvertTo-Literal $results); Invoke-Pester -Configuration `$c"
    }
    'Package' {
        Invoke-Build
        Invoke-Package
    }
    'Clean' {
        Invoke-Dotnet clean TaobaoTop.sln -c $Configuration
        Remove-Item -Recurse -Force (Join-Path $PSScriptRoot 'out') -ErrorAction SilentlyContinue
    }
}

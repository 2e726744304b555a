<#
.SYNOPSIS
    Builds, tests and cleans TaobaoTop for people who have pwsh; the same steps as the README's dotnet commands.
.EXAMPLE
    ./build.ps1                 # Build: lays out the importable module at out/TaobaoTop
.EXAMPLE
    ./build.ps1 -Task Test      # the xunit suites, then the Pester scenarios when Pester 5 is installed
.EXAMPLE
    ./build.ps1 -Task Clean
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet build TaobaoTop.sln -c $Configuration
        Write-Host "Module laid out at $(Join-Path $PSScriptRoot 'out/TaobaoTop')"
    }
    'Test' {
        Invoke-Dotnet test TaobaoTop.sln -c $Configuration
        $pester = Get-Module Pester -ListAvailable | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
        if ($pester) {
            Import-Module $pester
            $configuration = New-PesterConfiguration
            $configuration.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
            $configuration.Run.Exit = $true
            $configuration.Output.Verbosity = 'Detailed'
            Invoke-Pester -Configuration $configuration
        }
        else {
            Write-Warning 'Pester 5 is not installed: skipped tests/Pester (Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser).'
        }
    }
    'Clean' {
        Invoke-Dotnet clean TaobaoTop.sln -c $Configuration
        Remove-Item -Recurse -Force (Join-Path $PSScriptRoot 'out') -ErrorAction SilentlyContinue
    }
}

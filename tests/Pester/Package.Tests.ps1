#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shell.ps1')
    $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1')
    $package = Join-Path $PSScriptRoot "../../out/packages/TaobaoTop.$($manifest.ModuleVersion).nupkg"
}

Describe 'Installing from the gallery package' {
    It 'is built by build.ps1 -Task Package' {
        $package | Should -Exist -Because 'build.ps1 -Task Test and -Task Package publish it first'
    }

    # On Unix the CurrentUser scope and PSResourceGet's repository list follow HOME/XDG, so the fresh shell gets a home of
    # its own; on Windows they follow the Documents folder, which the test must not touch.
    It 'installs with Install-PSResource into an empty module path and works from there' -Skip:($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
        $sandbox = Join-Path $TestDrive 'home'
        # .NET reports a special folder only once it exists; a missing one would put PSResourceGet's files in the
        # working folder.
        $null = New-Item -ItemType Directory -Path (Join-Path $sandbox '.local/share'), (Join-Path $sandbox '.config')
        $feed = Split-Path $package
        $script = @"
Register-PSResourceRepository -Name Local -Uri '$feed' -Trusted
Install-PSResource TaobaoTop -Repository Local -Scope CurrentUser
Import-Module TaobaoTop -ErrorAction Stop
(Get-Module TaobaoTop).ModuleBase
Connect-TaobaoTop -Emulator
(Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0; fields = 'cid,name' }).item_cats.item_cat.Count
(Get-Help Add-TaobaoItem).Synopsis
"@
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; PSModulePath = $env:PSModulePath }
        try {
            $env:HOME = $sandbox
            $env:XDG_DATA_HOME = Join-Path $sandbox '.local/share'
            $env:XDG_CONFIG_HOME = Join-Path $sandbox '.config'
            $env:PSModulePath = $null
            $printed = @(Invoke-FreshShell $script)
        }
        finally {
            foreach ($name in $saved.Keys) {
                if ($null -eq $saved[$name]) { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
                else { Set-Item "env:$name" $saved[$name] }
            }
        }
        $LASTEXITCODE | Should -Be 0 -Because ($printed -join "`n")
        $printed[0] | Should -BeLike "$sandbox*TaobaoTop*$($manifest.ModuleVersion)"
        [int] $printed[1] | Should -BeGreaterThan 0
        $printed[2] | Should -Not -BeNullOrEmpty
    }
}

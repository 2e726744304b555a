#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Sales announced after the module shipped (年货节 and others) go into the user's BigSales.tsv: their days get the
# 20-minute windows the API demands, without waiting for the gateway's 2007 answer.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42 -EmulatorTime '2026-11-23 12:00:00'
    $saved = $env:TAOBAOTOP_BIGSALES
    $env:TAOBAOTOP_BIGSALES = Join-Path $TestDrive 'BigSales.tsv'

    function Measure-OrderCalls {
        $before = (Get-TaobaoTopContext).Calls
        $null = Get-TbkOrder -Start '2026-11-21 10:00:00' -End '2026-11-21 12:00:00'
        (Get-TaobaoTopContext).Calls - $before
    }
}

AfterAll {
    $env:TAOBAOTOP_BIGSALES = $saved
}

Describe 'Big-sale days from the user''s file' {
    It 'queries an ordinary day in one window' {
        Measure-OrderCalls | Should -Be 1
    }

    It 'queries a day the user listed in 20-minute windows' {
        Set-Content -Path $env:TAOBAOTOP_BIGSALES -Encoding utf8 -Value "# 年货节 as announced`n年货节`t2026-11-21`t2026-11-21"
        Measure-OrderCalls | Should -Be 6
    }

    It 'stops with the file and line of a bad entry' {
        Set-Content -Path $env:TAOBAOTOP_BIGSALES -Encoding utf8 -Value "年货节`t2026-11-21"
        { Get-TbkOrder -Start '2026-11-21 10:00:00' -End '2026-11-21 12:00:00' -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*BigSales.tsv, line 1*'
    }
}

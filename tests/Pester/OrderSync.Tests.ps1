#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    # A fixed clock and seed: the same orders on every run.
    Connect-TaobaoTop -Emulator -Seed 42 -EmulatorTime '2026-11-23 12:00:00'
}

Describe 'A month of affiliate orders in a spreadsheet' {
    Context 'a month of orders, grouped and exported' {
        BeforeAll {
            $month = @(Get-TbkOrder -Start '2026-10-24 00:00:00' -End '2026-11-23 00:00:00')
            $byStatus = $month | Group-Object StatusText
            $export = Join-Path $TestDrive 'orders.csv'
            $month | Select-Object TradeId, StatusText, PaidAmount, CreateTime | Export-Csv -Path $export -Encoding utf8 -NoTypeInformation
            $readBack = @(Import-Csv -Path $export -Encoding utf8)
        }

        It 'returns each order once, money as decimal yuan' {
            ($month.TradeId | Sort-Object -Unique).Count | Should -Be $month.Count
            $month[0].PaidAmount | Should -BeOfType [decimal]
        }

        It 'groups every order under one status' {
            ($byStatus | Measure-Object -Property Count -Sum).Sum | Should -Be $month.Count
            $byStatus.Name | Should -Contain '已付款'
        }

        It 'exports every order and reads back the same ids, Chinese statuses and amounts' {
            $readBack.Count | Should -Be $month.Count
            $readBack[0].TradeId | Should -Be $month[0].TradeId
            $readBack[0].StatusText | Should -Be $month[0].StatusText
            ($readBack | Measure-Object -Property PaidAmount -Sum).Sum |
                Should -Be ($month | Measure-Object -Property PaidAmount -Sum).Sum
        }

        It 'writes times that read back in +08:00' {
            ([DateTimeOffset] $readBack[0].CreateTime).Offset | Should -Be ([TimeSpan]::FromHours(8))
        }
    }
}

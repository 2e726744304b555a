#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    # A fixed clock and seed: the same orders on every run.
    Connect-TaobaoTop -Emulator -Seed 42 -EmulatorTime '2026-11-23 12:00:00'
}

Describe 'Order sync' {
    Context 'a week of orders' {
        BeforeAll {
            $orders = @(Get-TbkOrder -Start '2026-11-13 00:00:00' -End '2026-11-20 00:00:00')
        }

        It 'returns orders, each once' {
            $orders.Count | Should -BeGreaterThan 0
            ($orders.TradeId | Sort-Object -Unique).Count | Should -Be $orders.Count
        }

        It 'keeps to the range, in TOP time' {
            $orders | Where-Object { $_.CreateTime -lt [DateTimeOffset]'2026-11-13 00:00:00 +08:00' } | Should -BeNullOrEmpty
            $orders | Where-Object { $_.CreateTime -ge [DateTimeOffset]'2026-11-20 00:00:00 +08:00' } | Should -BeNullOrEmpty
            $orders[0].CreateTime.Offset | Should -Be ([TimeSpan]::FromHours(8))
        }

        It 'types money as decimal' {
            $orders[0].PaidAmount | Should -BeOfType [decimal]
        }
    }

    Context 'a month of orders, grouped and exported' {
        BeforeAll {
            $month = @(Get-TbkOrder -Start '2026-10-24 00:00:00' -End '2026-11-23 00:00:00')
            $byStatus = $month | Group-Object StatusText
            $export = Join-Path $TestDrive 'orders.csv'
            $month | Select-Object TradeId, StatusText, PaidAmount, CreateTime | Export-Csv -Path $export -Encoding utf8 -NoTypeInformation
            $readBack = @(Import-Csv -Path $export -Encoding utf8)
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

    Context 'big-sale days' {
        It 'splits 双11 into windows the API accepts' {
            { Get-TbkOrder -Start '2026-11-10 00:00:00' -End '2026-11-12 00:00:00' -ErrorAction Stop } | Should -Not -Throw
        }
    }

    Context 'bad ranges' {
        It 'refuses a start more than 90 days back before calling' {
            { Get-TbkOrder -Start '2026-01-01 00:00:00' -End '2026-01-02 00:00:00' -ErrorAction Stop } | Should -Throw '*90 days*'
        }
    }

    Context 'incremental sync' {
        BeforeAll {
            $state = Join-Path $TestDrive 'orders.json'
        }

        It 'needs -Start the first time and remembers where it stopped' {
            { Get-TbkOrder -Incremental -StatePath $state -ErrorAction Stop } | Should -Throw '*-Start*'
            $first = @(Get-TbkOrder -Incremental -StatePath $state -Start '2026-11-22 00:00:00')
            $first.Count | Should -BeGreaterThan 0
            Test-Path $state | Should -BeTrue
            Get-Content $state -Raw | Should -Match 'synced_through'
        }
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Orders at volume and per channel, on a fixed clock. A sale-night rush: 3,000 extra orders in one evening hour are
# 150 pages of 20 in one three-hour window, more than the 100 pages the API serves.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42 -EmulatorTime '2026-11-23 12:00:00' -EmulatorOption @{
        OrderBurst = 3000; OrderBurstHour = [DateTimeOffset]'2026-11-22 20:00:00 +08:00'
    }
}

Describe 'An order window of 150 pages' {
    BeforeAll {
        $window = @(Get-TbkOrder -Start '2026-11-22 18:00:00' -End '2026-11-22 21:00:00' -PageSize 20 -ErrorVariable failures -ErrorAction SilentlyContinue)
        # The same range in half-hours of at most a few pages each: the orders the window holds.
        $halfHours = 0..5 | ForEach-Object {
            $from = ([datetime]'2026-11-22 18:00:00').AddMinutes(30 * $_)
            Get-TbkOrder -Start $from -End $from.AddMinutes(30)
        }
    }

    It 'holds more than 100 pages' {
        $halfHours.Count | Should -BeGreaterThan 3000
    }

    It 'returns every order of the window without an error' {
        $failures | Should -BeNullOrEmpty
        $window.Count | Should -Be $halfHours.Count
    }

    It 'returns each order once' {
        ($window.TradeId | Sort-Object -Unique).Count | Should -Be $window.Count
        Compare-Object ($window.TradeId | Sort-Object) ($halfHours.TradeId | Sort-Object) | Should -BeNullOrEmpty
    }
}

Describe 'A channel''s day' {
    It 'counts the same paid orders Get-TbkOrder lists for the channel' {
        $report = Get-TbkRelationReport 2700000001 -Date '2026-11-20'
        $orders = @(Get-TbkOrder -Start '2026-11-20' -End '2026-11-21' -QueryType Paid | Where-Object RelationId -eq 2700000001)
        $report.OrderCount | Should -Be $orders.Count
        $report.PaidAmount | Should -BeOfType [decimal]
        $report.OwnOrderCount + $report.SharedOrderCount | Should -Be $report.OrderCount
        $report.Date.Offset | Should -Be ([TimeSpan]::FromHours(8))
    }

    It 'reports the channels piped from Get-TbkPublisher, naming one it does not know' {
        $reports = @(Get-TbkPublisher -Kind Channel -First 2 | Get-TbkRelationReport -Date '2026-11-20')
        $reports.RelationId | Should -Be @(Get-TbkPublisher -Kind Channel -First 2).RelationId
        Get-TbkRelationReport 9999 -Date '2026-11-20' -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].TargetObject | Should -Be '9999 20261120'
    }
}

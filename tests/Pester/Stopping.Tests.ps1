#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    # Paced so the first result is written while later rows are still waiting to be sent.
    Connect-TaobaoTop -Emulator -Seed 42 -Qps 2

    function New-Row([string] $OuterId) {
        [pscustomobject]@{ 标题 = "停止 $OuterId"; 价格 = '19.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉短袖T恤舒适'; 商家编码 = $OuterId; 省 = '浙江'; 市 = '杭州' }
    }
    function Get-AddedCount([string] $Prefix) {
        $ids = (1..20 | ForEach-Object { "$Prefix$_" }) -join ','
        @((Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'num_iid'; outer_id = $ids }).items.item | Where-Object { $_ }).Count
    }
}

Describe 'A pipeline stopped downstream' {
    It 'sends no new row after Select-Object -First, finishes and journals the rows in flight, and says how many' {
        $journal = Join-Path $TestDrive 'first.jsonl'
        $first = 1..20 | ForEach-Object { New-Row "FIRST-$_" } |
            Add-TaobaoItem -ThrottleLimit 2 -JournalPath $journal -WarningVariable said -WarningAction SilentlyContinue |
            Select-Object -First 1
        $first.OuterId | Should -Be 'FIRST-1'
        $added = Get-AddedCount 'FIRST-'
        $added | Should -BeLessOrEqual 6
        @(Get-Content $journal | Where-Object { $_ -match '"Added"' }).Count | Should -Be $added
        $said | Should -HaveCount 1
        "$said" | Should -Match '^Stopped: \d+ row\(s\) in flight finished and were journaled; \d+ row\(s\) not sent\.$'
    }

    It 'changes no price after Select-Object -First or a row error under -ErrorAction Stop' {
        # These cmdlets work one input at a time, so no pacing is needed to see that they stop.
        Connect-TaobaoTop -Emulator -Seed 42 -Qps 0
        $items = Get-TaobaoItem -OnSale -First 5
        $items | Set-TaobaoItemPrice -Price 77.70 | Select-Object -First 1 | Out-Null
        @($items | ForEach-Object { Get-TaobaoItem $_.NumIid } | Where-Object Price -eq 77.70).Count | Should -Be 1

        $sheet = $items | ForEach-Object -Begin { $i = 0 } -Process { $i++; [pscustomobject]@{ NumIid = $_.NumIid; 价格 = if ($i -eq 2) { '66,60' } else { '66.60' } } }
        { $sheet | Set-TaobaoItemPrice -ErrorAction Stop | Out-Null } | Should -Throw
        @($items | ForEach-Object { Get-TaobaoItem $_.NumIid } | Where-Object Price -eq 66.60).Count | Should -Be 1
    }
}

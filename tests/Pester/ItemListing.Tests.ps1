#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42

    function New-Row([string] $OuterId, [string] $Title = '纯棉短袖T恤 男 夏季', [string] $Price = '59.90', [int] $Stock = 10) {
        [pscustomobject]@{ 标题 = $Title; 价格 = $Price; 库存 = $Stock; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = $OuterId; 省 = '浙江'; 市 = '杭州' }
    }
}

Describe 'Listing items from a product sheet' {
    BeforeEach {
        Reset-TaobaoEmulator
    }

    It 'adds every good row and reports them in input order' {
        $results = 1..5 | ForEach-Object { New-Row "PESTER-$_" } | Add-TaobaoItem
        $results.Count | Should -Be 5
        $results.OuterId | Should -Be (1..5 | ForEach-Object { "PESTER-$_" })
        $results | ForEach-Object { $_.Status | Should -Be 'Added' }
    }

    It 'names each bad row and still adds the good ones' {
        $rows = @(
            New-Row 'OK-1'
            New-Row 'BAD-PRICE' -Price '9.999'
            New-Row 'BAD-TITLE' -Title ('很长的标题' * 10)
            New-Row 'BAD-STOCK' -Stock -1
            New-Row 'OK-2'
        )
        $added = $rows | Add-TaobaoItem -ErrorVariable bad -ErrorAction SilentlyContinue
        $added.OuterId | Should -Be @('OK-1', 'OK-2')
        $bad.Count | Should -Be 3
        ($bad | ForEach-Object { $_.Exception.Message }) -join "`n" | Should -Match 'BAD-PRICE'
    }

    It 'never adds the same outer id twice, even across runs' {
        $rows = 1..3 | ForEach-Object { New-Row "TWICE-$_" }
        $rows | Add-TaobaoItem | Out-Null
        $second = $rows | Add-TaobaoItem
        $second | ForEach-Object { $_.Status | Should -Be 'Skipped' }
    }

    It 'finishes a stopped run from its journal without duplicates' {
        $journal = Join-Path $TestDrive 'journal.jsonl'
        $rows = 1..4 | ForEach-Object { New-Row "JOURNAL-$_" }
        $rows[0..1] | Add-TaobaoItem -JournalPath $journal | Out-Null
        $rest = $rows | Add-TaobaoItem -JournalPath $journal
        @($rest | Where-Object Status -eq 'Added').Count | Should -Be 2
        @($rest | Where-Object Status -eq 'AddedEarlier').Count | Should -Be 2
    }

    It 'validates with -WhatIf and adds nothing' {
        1..3 | ForEach-Object { New-Row "WHATIF-$_" } | Add-TaobaoItem -WhatIf
        (Invoke-TaobaoApi taobao.items.custom.get @{ fields = 'num_iid'; outer_id = 'WHATIF-1,WHATIF-2,WHATIF-3' }).items.item | Should -BeNullOrEmpty
    }

    It 'changes prices through the pipeline' {
        $item = (New-Row 'PRICE-1' -Price '100.00') | Add-TaobaoItem
        Get-TaobaoItem -NumIid $item.NumIid | Set-TaobaoItemPrice -Percent -10 | Out-Null
        (Get-TaobaoItem -NumIid $item.NumIid).Price | Should -Be 90.00
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The shop admin's week: an Excel sheet saved as GBK with a comma typed for a point and a 商家编码 pasted twice,
# checked with -WhatIf, listed, listed again by mistake, then repriced from an ERP sheet keyed by 商家编码.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42

    $gbk = [Text.Encoding]::GetEncoding('gb18030')
    $sheet = Join-Path $TestDrive 'items.csv'
    [IO.File]::WriteAllText($sheet, (@(
        '标题,价格,库存,类目ID,描述,商家编码,省,市'
        '纯棉短袖T恤 男 夏季,59.90,120,50000436,纯棉面料，舒适透气,ADMIN-TS-1,浙江,杭州'
        '修身牛仔裤 男 弹力,"59,90",35,50010167,弹力牛仔面料，修身版型,ADMIN-JN-1,浙江,杭州'
        '商务衬衫 免烫,"1,299.00",12,50000436,免烫面料，通勤百搭,ADMIN-SH-1,浙江,杭州'
        '纯棉短袖T恤 女 夏季,49.90,80,50000436,纯棉面料，舒适透气,ADMIN-TS-1,浙江,杭州'
        '休闲裤 男 宽松,88.00,60,3035,宽松版型，透气面料,ADMIN-XX-1,浙江,杭州'
    ) -join "`r`n") + "`r`n", $gbk)

    function Get-ShopItem([string[]] $OuterId) {
        Get-TaobaoItem -OuterId $OuterId -ErrorAction SilentlyContinue | Sort-Object OuterId
    }
    $codes = 'ADMIN-TS-1', 'ADMIN-JN-1', 'ADMIN-SH-1', 'ADMIN-XX-1'
}

Describe 'The shop admin lists a GBK sheet, reruns it, and reprices by 商家编码' {
    It 'finds the comma typo and the repeated 商家编码 under -WhatIf and adds nothing' {
        $null = Add-TaobaoItem -Path $sheet -WhatIf -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 2
        $refused[0].Exception.Message | Should -Match "^line 3 \(商家编码 ADMIN-JN-1\): 价格 '59,90' is not a yuan amount"
        $refused[1].Exception.Message | Should -Match "^line 5 \(商家编码 ADMIN-TS-1\): OuterId \(商家编码\) 'ADMIN-TS-1' repeats line 2"
        Get-ShopItem $codes | Should -BeNullOrEmpty
    }

    It 'adds the good rows, refuses the same two, and a rerun skips what is already in the shop' {
        $first = Add-TaobaoItem -Path $sheet -ErrorVariable refused -ErrorAction SilentlyContinue
        $first.OuterId | Should -Be @('ADMIN-TS-1', 'ADMIN-SH-1', 'ADMIN-XX-1')
        $first.Status | Sort-Object -Unique | Should -Be 'Added'
        $refused.Count | Should -Be 2

        $again = Add-TaobaoItem -Path $sheet -ErrorAction SilentlyContinue
        $again.Status | Sort-Object -Unique | Should -Be 'Skipped'
        $again.NumIid | Should -Be $first.NumIid
    }

    It 'reprices from an ERP sheet keyed by 商家编码, refusing a comma typo there too' {
        $prices = Join-Path $TestDrive 'prices.csv'
        [IO.File]::WriteAllText($prices, "商家编码,价格`r`nADMIN-TS-1,49.90`r`nADMIN-SH-1,""1,199.00""`r`nADMIN-XX-1,""8,8""`r`n", $gbk)
        $changed = Import-Csv $prices -Encoding gb18030 | Set-TaobaoItemPrice -ErrorVariable refused -ErrorAction SilentlyContinue
        $changed.OuterId | Should -Be @('ADMIN-TS-1', 'ADMIN-SH-1')
        $refused.Count | Should -Be 1
        "$refused" | Should -Match "'8,8' is not a yuan amount"
    }

    It 'leaves the shop with one item per 商家编码 at the prices the admin meant' {
        $shop = Get-ShopItem $codes
        $shop.OuterId | Should -Be @('ADMIN-SH-1', 'ADMIN-TS-1', 'ADMIN-XX-1')
        ($shop | ForEach-Object { '{0} {1} {2} {3}' -f $_.OuterId, $_.Price, $_.Quantity, $_.IsOnSale }) | Should -Be @(
            'ADMIN-SH-1 1199.00 12 True'
            'ADMIN-TS-1 49.90 120 True'
            'ADMIN-XX-1 88.00 60 True'
        )
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42

    # A product sheet as Excel saves "CSV (逗号分隔)" on a Chinese Windows: GBK (GB18030) with Chinese headers.
    $sheet = Join-Path $TestDrive 'items.csv'
    @(
        '标题,价格,库存,类目ID,描述,商家编码,省,市'
        '纯棉短袖T恤 男 夏季,59.90,120,50000436,100% 纯棉面料，舒适透气,GBK-TS-001,浙江,杭州'
        '印花T恤 女 宽松,79.00,80,50000671,宽松版型，多色可选,GBK-TS-002,浙江,杭州'
        '修身牛仔裤 男 弹力,129.00,35,50010167,弹力牛仔面料，修身版型,GBK-JN-001,浙江,杭州'
    ) | Set-Content -Path $sheet -Encoding gb18030
}

Describe 'A GBK product sheet from Excel' {
    BeforeEach {
        Reset-TaobaoEmulator
    }

    It 'lists every row through Import-Csv -Encoding gb18030' {
        $added = Import-Csv -Path $sheet -Encoding gb18030 | Add-TaobaoItem
        $added.OuterId | Should -Be @('GBK-TS-001', 'GBK-TS-002', 'GBK-JN-001')
        (Get-TaobaoItem -NumIid $added[0].NumIid).Title | Should -Be '纯棉短袖T恤 男 夏季'
    }

    It 'lists every row through -Path, which detects the encoding' {
        $added = Add-TaobaoItem -Path $sheet
        ($added | Measure-Object).Count | Should -Be 3
        (Get-TaobaoItem -NumIid $added[2].NumIid).Title | Should -Be '修身牛仔裤 男 弹力'
    }
}

Describe 'Price and stock changes from a price sheet' {
    BeforeAll {
        Reset-TaobaoEmulator
        $listed = Add-TaobaoItem -Path $sheet
        # The ERP's price sheet: one row per 商家编码 with the new price and the stock to add.
        $prices = Join-Path $TestDrive 'prices.csv'
        @(
            [pscustomobject]@{ 商家编码 = 'GBK-TS-001'; 新价格 = '49.90'; 补货 = 30 }
            [pscustomobject]@{ 商家编码 = 'GBK-JN-001'; 新价格 = '119.00'; 补货 = 5 }
        ) | Export-Csv -Path $prices -Encoding utf8 -NoTypeInformation

        $numIidOf = @{}
        $listed | ForEach-Object { $numIidOf[$_.OuterId] = $_.NumIid }
        foreach ($row in Import-Csv -Path $prices -Encoding utf8) {
            $numIid = $numIidOf[$row.商家编码]
            Set-TaobaoItemPrice -NumIid $numIid -Price $row.新价格 | Out-Null
            Set-TaobaoItemQuantity -NumIid $numIid -Quantity $row.补货 -Incremental | Out-Null
        }
        $after = $listed | ForEach-Object { Get-TaobaoItem -NumIid $_.NumIid }
    }

    It 'sets the new prices and leaves the other items alone' {
        ($after | Where-Object OuterId -eq 'GBK-TS-001').Price | Should -Be 49.90
        ($after | Where-Object OuterId -eq 'GBK-JN-001').Price | Should -Be 119.00
        ($after | Where-Object OuterId -eq 'GBK-TS-002').Price | Should -Be 79.00
    }

    It 'adds the restocked quantities to the stock' {
        ($after | Where-Object OuterId -eq 'GBK-TS-001').Quantity | Should -Be 150
        ($after | Where-Object OuterId -eq 'GBK-JN-001').Quantity | Should -Be 40
    }

    It 'refuses a price that is not a price, naming it' {
        { Set-TaobaoItemPrice -NumIid $after[0].NumIid -Price -5 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidPrice,TaobaoTop.Cmdlets.Items.SetTaobaoItemPriceCommand'
    }
}

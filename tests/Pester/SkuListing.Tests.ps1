#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# A listing job as a shop runs it: 200 items from an ERP-shaped sheet (SKU rows sharing a 商家编码), category
# properties as columns, prices from cost, main pictures, and bad rows each refused with one error naming it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 15 -Qps 0

    function Find-Leaf([string] $Name) {
        $pending = [System.Collections.Generic.Queue[long]]::new()
        $pending.Enqueue(0)
        while ($pending.Count -gt 0) {
            $answer = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = $pending.Dequeue(); fields = 'cid,name,is_parent' }
            foreach ($category in @($answer.item_cats.item_cat)) {
                if ($category.is_parent) { $pending.Enqueue($category.cid) } elseif ($category.name -eq $Name) { return $category.cid }
            }
        }
        throw "no leaf named $Name"
    }

    . (Join-Path $PSScriptRoot 'Pictures.ps1')

    $freeShipping = (Get-TaobaoFreightTemplate -Name '全国包邮').TemplateId
    $hoodie = Find-Leaf '卫衣'
    $phone = Find-Leaf '智能手机'
    $nuts = Find-Leaf '坚果'
    New-TestPng (Join-Path $TestDrive 'hoodie.png') 10
    New-TestPng (Join-Path $TestDrive 'phone.png') 200

    $columns = '标题', '价格', '成本价', '库存', '类目ID', '描述', '商家编码', '省', '市', '主图', '品牌', '材质', '型号', '产地', '保质期', '运费模板ID',
        '颜色分类', '尺码', '存储容量', 'SKU价格', 'SKU库存', 'SKU编码'
    $rows = [System.Collections.Generic.List[object]]::new()
    function Add-Row([hashtable] $Cells) {
        $row = [ordered]@{}
        foreach ($column in $columns) { $row[$column] = if ($Cells.Contains($column)) { [string]$Cells[$column] } else { '' } }
        $rows.Add([pscustomobject]$row)
    }
    # What the sheet says each SKU must be in the shop: SKU编码 → price, stock.
    $expected = @{}
    # Cost → price under @{ Margin = 30; PlatformFee = 5; Ending = '.9' }, worked by hand: 40 × 1.3 ÷ 0.95 = 54.74 → 54.90.
    $pricedFromCost = @{ '40.00' = '54.90'; '45.00' = '61.90'; '50.00' = '68.90' }

    function Add-Hoodie([int] $N, [hashtable] $Change = @{}, [hashtable] $SkuChange = @{}) {
        $code = 'HD-{0:000}' -f $N
        $item = @{ 标题 = "加绒卫衣 男 款$N"; 类目ID = $hoodie; 描述 = '加厚加绒，保暖舒适的卫衣'; 商家编码 = $code; 省 = '浙江'; 市 = '杭州'; 主图 = 'hoodie.png'; 品牌 = '森马'; 材质 = '棉' }
        foreach ($key in $Change.Keys) { $item[$key] = $Change[$key] }
        Add-Row $item
        $i = 0
        foreach ($colour in '黑色', '白色', '藏青色') {
            foreach ($size in 'M', 'L') {
                $cost = @('40.00', '45.00', '50.00')[$i % 3]
                $sku = @{ 商家编码 = $code; 颜色分类 = $colour; 尺码 = $size; 成本价 = $cost; SKU库存 = 5 + $i; SKU编码 = "$code-$colour-$size" }
                if ($i -eq 0) { foreach ($key in $SkuChange.Keys) { $sku[$key] = $SkuChange[$key] } }
                Add-Row $sku
                $expected[$sku.SKU编码] = @{ Price = [decimal]$pricedFromCost[$cost]; Quantity = [long]$sku.SKU库存 }
                $i++
            }
        }
    }
    function Add-Phone([int] $N, [hashtable] $Change = @{}, [hashtable] $SkuChange = @{}) {
        $code = 'PH-{0:000}' -f $N
        $item = @{ 标题 = "5G智能手机 型号$N"; 类目ID = $phone; 描述 = '全网通5G手机，长续航'; 商家编码 = $code; 省 = '广东'; 市 = '深圳'; 主图 = 'phone.png'; 品牌 = '小米'; 型号 = "M$N"; 运费模板ID = $freeShipping }
        foreach ($key in $Change.Keys) { $item[$key] = $Change[$key] }
        Add-Row $item
        $i = 0
        foreach ($capacity in '128GB', '256GB', '512GB') {
            $sku = @{ 商家编码 = $code; 存储容量 = $capacity; SKU价格 = (1999 + 500 * $i).ToString('0.00'); SKU库存 = 10 * ($i + 1); SKU编码 = "$code-$capacity" }
            if ($i -eq 2) { foreach ($key in $SkuChange.Keys) { $sku[$key] = $SkuChange[$key] } }
            Add-Row $sku
            $expected[$sku.SKU编码] = @{ Price = [decimal]$sku.SKU价格; Quantity = [long]$sku.SKU库存 }
            $i++
        }
    }
    function Add-Nuts([int] $N, [hashtable] $Change = @{}) {
        $item = @{ 标题 = "每日坚果 混合装$N"; 成本价 = '40.00'; 库存 = 100 + $N; 类目ID = $nuts; 描述 = '每日坚果，营养均衡'; 商家编码 = ('NT-{0:000}' -f $N); 省 = '浙江'; 市 = '杭州'
            主图 = 'https://img.alicdn.com/imgextra/i1/2200000001/O1CN01nuts_!!2200000001.jpg'; 品牌 = '三只松鼠'; 产地 = '浙江'; 保质期 = '180天' }
        foreach ($key in $Change.Keys) { $item[$key] = $Change[$key] }
        Add-Row $item
    }

    1..90 | ForEach-Object { Add-Hoodie $_ }
    1..50 | ForEach-Object { Add-Phone $_ }
    1..52 | ForEach-Object { Add-Nuts $_ }
    # Eight bad items, each to be refused with one error naming its row and what is wrong.
    $bad = [ordered]@{
        'HD-901' = '品牌 is required'
        'HD-902' = "材质 '纯棉布' is not one of its values; nearest: 棉"
        'HD-903' = "颜色分类 '黑' is not one of its values; nearest: 黑色"
        'PH-901' = 'SKU库存'
        'PH-902' = 'is outside the SKU prices 1999.00 to 2999.00'
        'PH-903' = 'SKU编码'
        'NT-901' = "产地 '火星' is not one of its values"
        'NT-902' = '保质期 is required'
    }
    Add-Hoodie 901 @{ 品牌 = '' }
    Add-Hoodie 902 @{ 材质 = '纯棉布' }
    Add-Hoodie 903 @{} @{ 颜色分类 = '黑' }
    Add-Phone 901 @{} @{ SKU库存 = '900000001' }
    Add-Phone 902 @{ 价格 = '3999.00' }
    Add-Phone 903 @{} @{ SKU编码 = 'PH-903-' + ('很长的编码' * 7) }
    Add-Nuts 901 @{ 产地 = '火星' }
    Add-Nuts 902 @{ 保质期 = '' }

    $sheet = Join-Path $TestDrive 'items.csv'
    $rows | Export-Csv -Path $sheet -Encoding utf8BOM -NoTypeInformation
    $lineOf = @{}
    for ($i = $rows.Count - 1; $i -ge 0; $i--) { $lineOf[$rows[$i].商家编码] = $i + 2 }

    $added = @(Add-TaobaoItem -Path $sheet -PriceRule @{ Margin = 30; PlatformFee = 5; Ending = '.9' } -ErrorVariable refused -ErrorAction SilentlyContinue)
}

Describe 'Listing 200 items with SKUs, properties, pictures and prices from cost' {
    It 'adds the 192 good items and refuses each bad one with one error naming its row' {
        $added.Count | Should -Be 192
        ($added | Where-Object Status -ne 'Added').Count | Should -Be 0
        $refused.Count | Should -Be 8
        foreach ($code in $bad.Keys) {
            $found = @($refused | Where-Object { $_.Exception.Message -like "line $($lineOf[$code]) (商家编码 $code):*" })
            $found.Count | Should -Be 1 -Because "$code is refused once"
            $found[0].Exception.Message | Should -BeLike "*$($bad[$code])*"
        }
    }

    It 'gives every SKU the price, stock and 商家编码 of its row' {
        $items = @(Get-TaobaoItem -OuterId ($added.OuterId | Where-Object { $_ -notlike 'NT-*' }))
        $items.Count | Should -Be 140
        $checked = 0
        foreach ($item in $items) {
            $item.Skus.Count | Should -Be ($(if ($item.OuterId -like 'HD-*') { 6 } else { 3 }))
            foreach ($sku in $item.Skus) {
                $want = $expected[$sku.OuterId]
                $want | Should -Not -BeNullOrEmpty -Because "$($sku.OuterId) is a SKU of the sheet"
                $sku.Price | Should -Be $want.Price -Because "$($sku.OuterId)'s price"
                $sku.Quantity | Should -Be $want.Quantity -Because "$($sku.OuterId)'s stock"
                $checked++
            }
            $item.Quantity | Should -Be ($item.Skus | Measure-Object Quantity -Sum).Sum
            $item.Price | Should -Be ($item.Skus | Measure-Object Price -Minimum).Minimum
        }
        $checked | Should -Be (90 * 6 + 50 * 3)
    }

    It 'sends the category properties and the pictures' {
        $nut = Get-TaobaoItem -OuterId NT-001
        $nut.Price | Should -Be 54.90
        $nut.PictureUrl | Should -Match '^https://img\.alicdn\.com/'
        (Invoke-TaobaoApi taobao.item.seller.get @{ num_iid = (Get-TaobaoItem -OuterId PH-001).NumIid; fields = 'postage_id' }).item.postage_id | Should -Be $freeShipping
        (Get-TaobaoItem -OuterId HD-001).PictureUrl | Should -Match '^https://img\.alicdn\.com/imgextra/'
        $props = (Invoke-TaobaoApi taobao.item.seller.get @{ num_iid = $nut.NumIid; fields = 'props,input_pids,input_str' }).item
        $brand = Get-TaobaoItemProperty $nuts -Name 品牌
        $props.props | Should -Match "(^|;)20000:$(($brand.Values | Where-Object Name -eq '三只松鼠').Vid)(;|$)"
    }

    It 'changes one SKU by its SKU编码, as an ERP stock sheet does' {
        [pscustomobject]@{ 商家编码 = 'PH-001'; SKU编码 = 'PH-001-256GB'; 库存 = 0 } | Set-TaobaoItemQuantity | Out-Null
        [pscustomobject]@{ 商家编码 = 'PH-001'; SKU编码 = 'PH-001-128GB'; 价格 = '1899.00' } | Set-TaobaoItemPrice | Out-Null
        $skus = (Get-TaobaoItem -OuterId PH-001).Skus
        ($skus | Where-Object OuterId -eq 'PH-001-256GB').Quantity | Should -Be 0
        ($skus | Where-Object OuterId -eq 'PH-001-128GB').Price | Should -Be 1899.00
        (Get-TaobaoItem -OuterId PH-001).Quantity | Should -Be 40
    }
}

Describe 'An item with more SKUs than item.add takes' {
    BeforeAll {
        # Ten colours × six sizes: item.add takes about 17 of them, the rest follow one by one.
        $big = Join-Path $TestDrive 'big-hoodie.csv'
        $sheet = [System.Collections.Generic.List[object]]::new()
        $sheet.Add([pscustomobject]@{ 标题 = '加绒卫衣 十色'; 类目ID = $hoodie; 描述 = '加厚加绒，保暖舒适的卫衣'; 商家编码 = 'HD-BIG'; 省 = '浙江'; 市 = '杭州'; 品牌 = '森马'; 材质 = '棉'; 颜色分类 = ''; 尺码 = ''; SKU价格 = ''; SKU库存 = ''; SKU编码 = '' })
        $colours = '黑色', '白色', '红色', '蓝色', '灰色', '粉色', '绿色', '黄色', '卡其色', '藏青色'
        $n = 0
        foreach ($colour in $colours) {
            foreach ($size in 'S', 'M', 'L', 'XL', 'XXL', 'XXXL') {
                $n++
                $sheet.Add([pscustomobject]@{ 标题 = ''; 类目ID = ''; 描述 = ''; 商家编码 = 'HD-BIG'; 省 = ''; 市 = ''; 品牌 = ''; 材质 = ''; 颜色分类 = $colour; 尺码 = $size; SKU价格 = '89.00'; SKU库存 = $n; SKU编码 = "HD-BIG-$n" })
            }
        }
        $sheet | Export-Csv -Path $big -Encoding utf8BOM -NoTypeInformation
        $journal = Join-Path $TestDrive 'big-hoodie.journal.jsonl'
        $first = Import-Csv -Path $big -Encoding UTF8 | Add-TaobaoItem -JournalPath $journal
    }

    It 'lists all 60 SKUs with the stock of their rows' {
        $first.Status | Should -Be 'Added'
        $first.SkuCount | Should -Be 60
        $item = Get-TaobaoItem -OuterId HD-BIG
        $item.Skus.Count | Should -Be 60
        ($item.Skus | Sort-Object { [int]($_.OuterId -replace '^HD-BIG-') } | ForEach-Object Quantity) -join ',' | Should -Be ((1..60) -join ',')
        $item.Quantity | Should -Be (1..60 | Measure-Object -Sum).Sum
    }

    It 'adds nothing twice when the sheet is run again with its journal' {
        $again = Import-Csv -Path $big -Encoding UTF8 | Add-TaobaoItem -JournalPath $journal
        $again.Status | Should -Be 'AddedEarlier'
        $again.NumIid | Should -Be $first.NumIid
        (Get-TaobaoItem -OuterId HD-BIG).Skus.Count | Should -Be 60
    }
}

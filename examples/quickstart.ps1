# TaobaoTop quickstart: the whole mission against the offline emulator, no account needed:
#   dotnet tool restore; dotnet pwsh ./build.ps1 -Task Quickstart
# or, with the module built: Import-Module ./out/TaobaoTop/TaobaoTop.psd1; ./examples/quickstart.ps1
$ErrorActionPreference = 'Stop'
# Each table goes to Out-Default on its own: one output stream would draw every later type as a list.

# The in-process offline gateway, with a demo shop, affiliate catalog and orders.
Connect-TaobaoTop -Emulator

# Where calls go: app key, gateway, sign method, whether a session is set (never the secret).
Get-TaobaoTopContext | Out-Default

'== 1. Listing products from a sheet (items.csv, Chinese columns as an ERP exports them)'
# Rows sharing a 商家编码 are one item's SKUs (颜色分类 × 尺码, 存储容量); columns named after the category's
# properties (品牌, 材质, 产地, 保质期 …) are sent as its properties; 主图2 and 颜色图片 are uploaded after the add; rows
# with a 成本价 and no 价格 are priced by the rule. Every row is checked before any call; the bad row (a price with
# three decimals) is reported by its line number. Get-TaobaoItemProperty shows what a category requires.
$sheet = Join-Path $PSScriptRoot 'items.csv'
$rule = @{ Margin = 35; PlatformFee = 5; Ending = '.9' }
Add-TaobaoItem -Path $sheet -PriceRule $rule -WhatIf -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
$listed = @(Add-TaobaoItem -Path $sheet -PriceRule $rule -ErrorVariable badRows -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
$listed | Out-Default
$badRows | ForEach-Object { 'not listed: ' + $_.Exception.Message }
(Get-TaobaoItem -OuterId QS-HD-001).Skus | Out-Default

'== 2. A price cut and a stock top-up'
# -Percent on an item with SKUs changes every SKU's price; the stock of one SKU is topped up by its SKU编码.
$tshirt = Get-TaobaoItem -NumIid $listed[0].NumIid
$tshirt | Set-TaobaoItemPrice -Percent -10 | Out-Null
$tshirt | Set-TaobaoItemQuantity -Quantity 30 -Incremental -SkuOuterId QS-TS-001-WH-M | Out-Null
Get-TaobaoItem -NumIid $listed[0].NumIid | Out-Default

'== 3. 淘口令 for promoted items'
# Search the affiliate catalog, turn the items into our own promotion links, and make 淘口令 to share.
Find-TbkItem -Keyword 手机 -First 3 | ConvertTo-TbkLink | New-TbkPassword | Out-Default

'== 4. A month of affiliate orders'
$orders = @(Get-TbkOrder -Start (Get-Date).AddDays(-30) -End (Get-Date))
$paid = $orders | Measure-Object -Property PaidAmount -Sum
$income = $orders | Measure-Object -Property EstimatedIncome -Sum
'{0:N0} orders, {1:N2} yuan paid, {2:N2} yuan estimated income' -f $orders.Count, $paid.Sum, $income.Sum
$orders | Group-Object StatusText | Sort-Object Count -Descending | Select-Object Count, Name | Out-Default

'== 5. Which channel brought customers who stay and buy'
# WeCom 渠道活码 (contact codes whose state tags each customer) and an affiliate channel, with what each cost.
Connect-WeCom -Emulator
$channels = Join-Path $PSScriptRoot 'channels.csv'
Get-WeComCustomer | Measure-TaobaoChannel $channels -Order $orders | Out-Default

# The calls this script made.
Get-TaobaoTopContext | Out-Default

# TaobaoTop quickstart: run it against the offline emulator, no account needed:
#   dotnet run --project src/TaobaoTop.Runner -- -Emulator examples/quickstart.ps1
# With pwsh: Import-Module ./out/TaobaoTop/TaobaoTop.psd1; Connect-TaobaoTop -Emulator; ./examples/quickstart.ps1
$ErrorActionPreference = 'Stop'

# Where calls go: app key, gateway, sign method, whether a session is set (never the secret).
Get-TaobaoTopContext

# The top-level categories (类目); items are listed under leaf ones.
'== Categories'
$categories = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0; fields = 'cid,parent_cid,name,is_parent' }
$categories.item_cats.item_cat | ForEach-Object { '{0,-10} {1}' -f $_.cid, $_.name }

# Two items in the T恤 category (cid 50000436), shipped from 杭州.
'== Adding two items'
$newItems = @(
    @{ title = '纯棉短袖T恤 男 夏季'; price = '99.00'; num = 20; desc = '100% 纯棉, 透气舒适' }
    @{ title = '印花T恤 女 宽松'; price = '79.00'; num = 35; desc = '宽松版型, 多色可选' }
) | ForEach-Object {
    $item = $_ + @{ cid = 50000436; type = 'fixed'; stuff_status = 'new'; 'location.state' = '浙江'; 'location.city' = '杭州' }
    (Invoke-TaobaoApi taobao.item.add $item).item
}
$newItems | ForEach-Object { 'added {0} at {1}' -f $_.num_iid, $_.created }

# A price change on the first one.
'== Updating a price'
$updated = (Invoke-TaobaoApi taobao.item.price.update @{ num_iid = $newItems[0].num_iid; price = '89.00' }).item
'{0} modified at {1}' -f $updated.num_iid, $updated.modified

# What is on sale now, the two new items included.
'== On sale'
$onSale = Invoke-TaobaoApi taobao.items.onsale.get @{ fields = 'num_iid,title,price,num'; page_size = 40 }
$onSale.items.item | ForEach-Object { '{0}  {1,9}  {2,4}  {3}' -f $_.num_iid, $_.price, $_.num, $_.title }
'{0} items on sale' -f $onSale.total_results

# A 淘口令 for a promotion link: the code buyers paste into the Taobao app.
'== 淘口令'
$tpwd = Invoke-TaobaoApi taobao.tbk.tpwd.create @{ url = 'https://s.click.taobao.com/t?e=m%3D2%26s%3Dquickstart'; text = '好物推荐' }
'淘口令: {0}' -f $tpwd.data.password_simple
'to share: {0}' -f $tpwd.data.model

# The calls this script made.
Get-TaobaoTopContext

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force

    . (Join-Path $PSScriptRoot 'EmulatorServer.ps1')
    $server = Start-EmulatorServer
    $endpoint = "$($server.Url)/router/rest"
}

Describe 'Against the HTTP emulator server' {
    It 'calls the gateway over HTTP with signed requests' {
        Connect-TaobaoTop -AppKey 10000001 -AppSecret taobaotop-emulator-secret -Session 6100demo0seller0session -Endpoint $endpoint
        $categories = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0; fields = 'cid,name' }
        $categories.item_cats.item_cat.Count | Should -BeGreaterThan 0
    }

    It 'lists items from a sheet and the server keeps them' {
        $rows = 1..3 | ForEach-Object {
            [pscustomobject]@{ 标题 = "服务器测试T恤 $_"; 价格 = '39.90'; 库存 = 5; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = "HTTP-$_"; 省 = '浙江'; 市 = '杭州' }
        }
        $added = $rows | Add-TaobaoItem
        ($added | Where-Object Status -eq 'Added' | Measure-Object).Count | Should -Be 3
        (Get-TaobaoItem -NumIid $added[1].NumIid).OuterId | Should -Be 'HTTP-2'
    }

    It 'is refused with code 25 when the secret is wrong, and the error says so' {
        Connect-TaobaoTop -AppKey 10000001 -AppSecret wrong-secret -Endpoint $endpoint -MaxRetries 0
        { Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'TopApiError25,TaobaoTop.Cmdlets.Api.InvokeTaobaoApiCommand'
    }

    It 'counts the calls it answered' {
        $stats = Invoke-RestMethod "$($server.Url)/emulator/stats"
        $stats | ConvertTo-Json -Depth 5 | Should -Match 'taobao.item.add'
    }
}

AfterAll {
    Disconnect-TaobaoTop -ErrorAction SilentlyContinue
    if ($server -and -not $server.Process.HasExited) { Stop-Process -Id $server.Process.Id -Force }
}

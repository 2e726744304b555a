#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force

    # The HTTP emulator server as a user starts it, on a free loopback port.
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $server = Get-ChildItem (Join-Path $PSScriptRoot '../../src/TaobaoTop.Emulator.Server/bin') -Recurse -Filter 'TaobaoTop.Emulator.Server.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    $log = Join-Path $TestDrive 'server.log'
    $process = Start-Process dotnet -ArgumentList @($server.FullName, '--urls', "http://127.0.0.1:$port", '--seed', '42') -PassThru -RedirectStandardOutput $log -RedirectStandardError (Join-Path $TestDrive 'server.err')
    $endpoint = "http://127.0.0.1:$port/router/rest"
    $deadline = (Get-Date).AddSeconds(30)
    do {
        Start-Sleep -Milliseconds 200
        $up = try { (Invoke-WebRequest "http://127.0.0.1:$port/emulator/stats" -UseBasicParsing).StatusCode -eq 200 } catch { $false }
    } until ($up -or $process.HasExited -or (Get-Date) -gt $deadline)
    if (-not $up) { throw "The emulator server did not start: $(Get-Content $log -Raw)" }
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
        $stats = Invoke-RestMethod "http://127.0.0.1:$port/emulator/stats"
        $stats | ConvertTo-Json -Depth 5 | Should -Match 'taobao.item.add'
    }
}

AfterAll {
    Disconnect-TaobaoTop -ErrorAction SilentlyContinue
    if ($process -and -not $process.HasExited) { Stop-Process -Id $process.Id -Force }
}

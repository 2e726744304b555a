#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# A journaled listing killed midway (the process, as Task Scheduler or kill -9 ends it) and run again: no item added
# twice, no picture uploaded twice. Against the HTTP emulator server, which outlives the killed run.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    . (Join-Path $PSScriptRoot 'Shell.ps1')

    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $server = Get-ChildItem (Join-Path $PSScriptRoot '../../src/TaobaoTop.Emulator.Server/bin') -Recurse -Filter 'TaobaoTop.Emulator.Server.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    $serverProcess = Start-Process dotnet -ArgumentList @($server.FullName, '--urls', "http://127.0.0.1:$port", '--seed', '42', '--latency-ms', '40') -PassThru `
        -RedirectStandardOutput (Join-Path $TestDrive 'server.log') -RedirectStandardError (Join-Path $TestDrive 'server.err')
    $endpoint = "http://127.0.0.1:$port/router/rest"
    $deadline = (Get-Date).AddSeconds(30)
    do {
        Start-Sleep -Milliseconds 200
        $up = try { (Invoke-WebRequest "http://127.0.0.1:$port/emulator/stats" -UseBasicParsing).StatusCode -eq 200 } catch { $false }
    } until ($up -or $serverProcess.HasExited -or (Get-Date) -gt $deadline)
    if (-not $up) { throw "The emulator server did not start: $(Get-Content (Join-Path $TestDrive 'server.err') -Raw)" }

    . (Join-Path $PSScriptRoot 'Pictures.ps1')

    $count = 40
    New-TestPng (Join-Path $TestDrive 'main.png') 0
    $rows = foreach ($n in 1..$count) {
        New-TestPng (Join-Path $TestDrive "more-$n.png") (2 * $n)
        New-TestPng (Join-Path $TestDrive "colour-$n.png") (2 * $n + 1)
        [pscustomobject]@{ 标题 = "续传测试T恤 $n"; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = "RS-$n"; 省 = '浙江'; 市 = '杭州'
            主图 = 'main.png'; 主图2 = "more-$n.png"; 颜色分类 = '黑色'; 尺码 = 'M'; 颜色图片 = "colour-$n.png"; SKU价格 = '39.90'; SKU库存 = 5; SKU编码 = "RS-$n-BK-M" }
    }
    $sheet = Join-Path $TestDrive 'items.csv'
    $rows | Export-Csv -Path $sheet -Encoding utf8BOM -NoTypeInformation
    $journal = Join-Path $TestDrive 'items.journal.jsonl'
    $connect = "Connect-TaobaoTop -AppKey 10000001 -AppSecret taobaotop-emulator-secret -Session 6100demo0seller0session -Endpoint '$endpoint' -Qps 0"
    $module = Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1'

    # The first run, killed once a third of the items are in the journal as added.
    $shell = Get-ShellCommand
    $script = "Import-Module '$module'; $connect; Add-TaobaoItem -Path '$sheet' -JournalPath '$journal' -ThrottleLimit 2 | Out-Null"
    $run = Start-Process $shell[0] -ArgumentList (@($shell | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)) -PassThru
    $deadline = (Get-Date).AddSeconds(120)
    do {
        Start-Sleep -Milliseconds 100
        $addedSoFar = if (Test-Path $journal) { @(Get-Content $journal | Where-Object { $_ -match '"status":"Added"' }).Count } else { 0 }
    } until ($addedSoFar -ge $count / 3 -or $run.HasExited -or (Get-Date) -gt $deadline)
    Stop-Process -Id $run.Id -Force
    $run.WaitForExit()
    $addedBeforeKill = $addedSoFar

    Invoke-Expression $connect
    $resumed = @(Add-TaobaoItem -Path $sheet -JournalPath $journal)
    $stats = Invoke-RestMethod "http://127.0.0.1:$port/emulator/stats"
}

AfterAll {
    if ($serverProcess -and -not $serverProcess.HasExited) { Stop-Process -Id $serverProcess.Id -Force }
}

Describe 'A journaled listing killed midway and run again' {
    It 'was killed midway' {
        $addedBeforeKill | Should -BeGreaterOrEqual ($count / 3)
        $addedBeforeKill | Should -BeLessThan $count
    }

    It 'ends with every item once' {
        $resumed.Count | Should -Be $count
        ($resumed | Where-Object Status -eq 'AddedEarlier').Count | Should -BeGreaterOrEqual $addedBeforeKill
        $items = @(Get-TaobaoItem -OuterId ($rows.商家编码))
        $items.Count | Should -Be $count
        ($items.OuterId | Sort-Object -Unique).Count | Should -Be $count
        $stats.calls_by_method.'taobao.item.add' | Should -Be $count
    }

    It 'uploads no picture twice and attaches every one' {
        $stats.calls_by_method.'taobao.picture.upload' | Should -Be 1
        $stats.calls_by_method.'taobao.item.img.upload' | Should -Be $count
        $stats.calls_by_method.'taobao.item.propimg.upload' | Should -Be $count
        $items = @(Get-TaobaoItem -OuterId ($rows.商家编码))
        ($items | Where-Object { $_.MorePictureUrls.Count -eq 1 -and $_.PropertyPictureUrls.Count -eq 1 }).Count | Should -Be $count
    }
}

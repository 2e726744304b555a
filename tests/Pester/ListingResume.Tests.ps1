#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# A journaled listing killed midway (the process, as Task Scheduler or kill -9 ends it) and run again: no item added
# twice, no picture uploaded twice. Against the HTTP emulator server, which outlives the killed run.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    . (Join-Path $PSScriptRoot 'Shell.ps1')

    . (Join-Path $PSScriptRoot 'EmulatorServer.ps1')
    $server = Start-EmulatorServer '--latency-ms', '40'
    $endpoint = "$($server.Url)/router/rest"

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
    $stats = Invoke-RestMethod "$($server.Url)/emulator/stats"
}

AfterAll {
    if ($server -and -not $server.Process.HasExited) { Stop-Process -Id $server.Process.Id -Force }
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

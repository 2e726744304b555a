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

    # Tiny pictures are refused (800×800 is the least), so real ones: one main picture for every item, and a 主图2 and a
    # colour picture of its own for each.
    function New-Png([string] $Path, [int] $Shade) {
        $line = [byte[]]::new(1 + 800 * 3)
        for ($x = 0; $x -lt 800; $x++) { $line[1 + 3 * $x] = [byte]($x % 256); $line[2 + 3 * $x] = [byte]($Shade % 256); $line[3 + 3 * $x] = [byte]($Shade -shr 8) }
        $raw = [System.IO.MemoryStream]::new()
        for ($y = 0; $y -lt 800; $y++) { $raw.Write($line, 0, $line.Length) }
        $packed = [System.IO.MemoryStream]::new()
        $zlib = [System.IO.Compression.ZLibStream]::new($packed, [System.IO.Compression.CompressionLevel]::Fastest, $true)
        $zlib.Write($raw.ToArray(), 0, [int]$raw.Length); $zlib.Dispose()
        $table = [uint32[]]::new(256)
        for ($n = 0; $n -lt 256; $n++) { $c = [uint32]$n; for ($k = 0; $k -lt 8; $k++) { $c = if ($c -band 1) { [uint32](0xEDB88320 -bxor ($c -shr 1)) } else { [uint32]($c -shr 1) } }; $table[$n] = $c }
        $png = [System.IO.MemoryStream]::new()
        $png.Write([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), 0, 8)
        foreach ($chunk in @(@('IHDR', ([byte[]](0, 0, 3, 32, 0, 0, 3, 32, 8, 2, 0, 0, 0)))), @('IDAT', $packed.ToArray()), @('IEND', [byte[]]@())) {
            $data = [byte[]]$chunk[1]
            $length = [BitConverter]::GetBytes([int]$data.Length); [Array]::Reverse($length); $png.Write($length, 0, 4)
            $body = [System.Text.Encoding]::ASCII.GetBytes($chunk[0]) + $data
            $png.Write($body, 0, $body.Length)
            $crc = [uint32]::MaxValue
            foreach ($b in $body) { $crc = $table[($crc -bxor $b) -band 0xFF] -bxor ($crc -shr 8) }
            $crcBytes = [BitConverter]::GetBytes([uint32]($crc -bxor [uint32]::MaxValue)); [Array]::Reverse($crcBytes); $png.Write($crcBytes, 0, 4)
        }
        [System.IO.File]::WriteAllBytes($Path, $png.ToArray())
    }

    $count = 40
    New-Png (Join-Path $TestDrive 'main.png') 0
    $rows = foreach ($n in 1..$count) {
        New-Png (Join-Path $TestDrive "more-$n.png") (2 * $n)
        New-Png (Join-Path $TestDrive "colour-$n.png") (2 * $n + 1)
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

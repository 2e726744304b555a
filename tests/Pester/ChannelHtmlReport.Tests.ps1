#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    $chromium = Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $chromium) { throw 'Chromium is needed for the HTML report scenario: apt-get install -y chromium fonts-noto-cjk' }

    # Headless, offline and with a profile of its own, so runs in parallel worktrees do not meet.
    function Invoke-Chromium([string] $Page, [string[]] $Arguments) {
        $userData = Join-Path ([System.IO.Path]::GetTempPath()) ('taobaotop-chromium-' + [guid]::NewGuid().ToString('N'))
        $errors = Join-Path $userData 'stderr.txt'
        New-Item -ItemType Directory -Path $userData | Out-Null
        try {
            $common = '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
                '--disable-component-update', '--disable-sync', "--user-data-dir=$userData", '--enable-logging=stderr', '--v=0', '--hide-scrollbars'
            $address = [System.Uri]::new((Resolve-Path -LiteralPath $Page).ProviderPath).AbsoluteUri
            $dom = & $chromium.Source @common @Arguments $address 2> $errors
            [pscustomobject]@{ Dom = ($dom -join "`n"); Console = @(Get-Content -Path $errors | Where-Object { $_ -match ':CONSOLE' }) }
        }
        finally {
            Remove-Item -Recurse -Force -Path $userData -ErrorAction SilentlyContinue
        }
    }

    # A PNG with something drawn: its inflated scanlines hold many byte values (a blank page filters to a few).
    function Get-PngVariety([string] $Path) {
        $bytes = [System.IO.File]::ReadAllBytes($Path)
        $data = [System.IO.MemoryStream]::new()
        $at = 8
        while ($at -lt $bytes.Length) {
            $length = ([int]$bytes[$at] -shl 24) -bor ([int]$bytes[$at + 1] -shl 16) -bor ([int]$bytes[$at + 2] -shl 8) -bor [int]$bytes[$at + 3]
            $type = [System.Text.Encoding]::ASCII.GetString($bytes, $at + 4, 4)
            if ($type -eq 'IDAT') { $data.Write($bytes, $at + 8, $length) }
            $at += 12 + $length
        }
        $data.Position = 0
        $inflated = [System.IO.MemoryStream]::new()
        $zlib = [System.IO.Compression.ZLibStream]::new($data, [System.IO.Compression.CompressionMode]::Decompress)
        $zlib.CopyTo($inflated)
        $zlib.Dispose()
        $seen = [System.Collections.Generic.HashSet[byte]]::new()
        foreach ($b in $inflated.ToArray()) { [void]$seen.Add($b) }
        $seen.Count
    }

    Connect-TaobaoTop -Emulator -Seed 42
    Connect-WeCom -Emulator
    $definition = Join-Path $PSScriptRoot '../../examples/channels.csv'
    $start = (Get-Date).Date.AddDays(-31)
    $orders = @(Get-TbkOrder -Start $start -End (Get-Date))
    $refunds = @(Get-TbkRefundOrder -Start $start -End (Get-Date))
    $page = Join-Path $TestDrive 'report.html'
    $rows = @(@(Get-WeComContactEvent -Emulator) + @(Get-WeComCustomer) | Measure-TaobaoChannel $definition -Order $orders -Refund $refunds -HtmlPath $page)
    $channelCount = $rows.Count
    $loaded = Invoke-Chromium $page @('--dump-dom')
}

Describe 'The HTML channel report in Chromium' {
    It 'is one self-contained file: no script, no address to fetch' {
        $html = Get-Content -Raw -Path $page -Encoding utf8
        $html | Should -Not -Match '<script'
        $html | Should -Not -Match '(src|href)="https?:'
    }

    It 'loads with no console message, and the check does see one on a broken page' {
        $loaded.Console | Should -BeNullOrEmpty
        $broken = Join-Path $TestDrive 'broken.html'
        Set-Content -Path $broken -Encoding utf8 -Value '<!DOCTYPE html><html><body><script>console.error("broken"); missing();</script></body></html>'
        (Invoke-Chromium $broken @('--dump-dom')).Console.Count | Should -Be 2
    }

    It 'draws every chart with a series for each channel' {
        $charts = [regex]::Matches($loaded.Dom, '<svg data-chart="(\w+)"[\s\S]*?</svg>')
        @($charts | ForEach-Object { $_.Groups[1].Value }) | Should -Be @('adds', 'departures', 'net', 'retention', 'value', 'roi')
        foreach ($chart in $charts) {
            $series = @([regex]::Matches($chart.Value, 'data-series="([^"]+)"') | ForEach-Object { $_.Groups[1].Value })
            $series.Count | Should -Be $channelCount -Because "chart $($chart.Groups[1].Value) has one series per channel"
        }
    }

    It 'ranks the channels in a table with open windows marked and refunds shown' {
        $table = [regex]::Match($loaded.Dom, '<table data-table="ranking">[\s\S]*?</table>').Value
        ([regex]::Matches($table, '<tr>')).Count | Should -Be ($channelCount + 1)
        $table | Should -Match 'Refunded'
        $table | Should -Match 'class="open"'
    }

    It 'shows the report in a screenshot that is not blank' {
        $shot = Join-Path $TestDrive 'report.png'
        Invoke-Chromium $page @("--screenshot=$shot", '--window-size=1240,1700') | Out-Null
        (Get-Item $shot).Length | Should -BeGreaterThan 20KB
        Get-PngVariety $shot | Should -BeGreaterThan 100
        $blank = Join-Path $TestDrive 'blank.html'
        $blankShot = Join-Path $TestDrive 'blank.png'
        Set-Content -Path $blank -Encoding utf8 -Value '<!DOCTYPE html><html><body></body></html>'
        Invoke-Chromium $blank @("--screenshot=$blankShot", '--window-size=1240,1700') | Out-Null
        Get-PngVariety $blankShot | Should -BeLessThan 10
    }
}

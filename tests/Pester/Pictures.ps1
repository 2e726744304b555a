# A real 800×800 PNG (the picture checks read the file's own bytes; smaller ones are refused). Each shade (0..65535)
# gives other bytes, so other content.
function New-TestPng([string] $Path, [int] $Shade) {
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

# The HTTP emulator server as a user starts it, on a free loopback port; returns its process and base URL once it
# answers. Its output goes to server.log and server.err in $TestDrive.
function Start-EmulatorServer([string[]] $Arguments = @()) {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $server = Get-ChildItem (Join-Path $PSScriptRoot '../../src/TaobaoTop.Emulator.Server/bin') -Recurse -Filter 'TaobaoTop.Emulator.Server.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    $errors = Join-Path $TestDrive 'server.err'
    $process = Start-Process dotnet -ArgumentList (@($server.FullName, '--urls', "http://127.0.0.1:$port", '--seed', '42') + $Arguments) -PassThru `
        -RedirectStandardOutput (Join-Path $TestDrive 'server.log') -RedirectStandardError $errors
    $deadline = (Get-Date).AddSeconds(30)
    do {
        Start-Sleep -Milliseconds 200
        $up = try { (Invoke-WebRequest "http://127.0.0.1:$port/emulator/stats" -UseBasicParsing).StatusCode -eq 200 } catch { $false }
    } until ($up -or $process.HasExited -or (Get-Date) -gt $deadline)
    if (-not $up) { throw "The emulator server did not start: $(Get-Content $errors -Raw)" }
    [pscustomobject]@{ Process = $process; Url = "http://127.0.0.1:$port" }
}

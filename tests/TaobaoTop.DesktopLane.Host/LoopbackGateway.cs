using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.DesktopLane.Host
{
    /// <summary>
    /// A gateway on a loopback port that holds every request until <see cref="Expected"/> are open at once (or a few
    /// seconds pass), so a per-host connection limit shows, and that notes any "Expect: 100-continue".
    /// </summary>
    internal sealed class LoopbackGateway : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly object _gate = new object();
        private readonly List<Task> _connections = new List<Task>();
        private int _open;

        public LoopbackGateway(int expected)
        {
            Expected = expected;
            _listener.Start();
            Task.Run(AcceptLoop);
        }

        public int Expected { get; }

        public Uri Endpoint => new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/router/rest");

        public int MostAtOnce { get; private set; }

        public bool SawExpectContinue { get; private set; }

        private async Task AcceptLoop()
        {
            while (true)
            {
                TcpClient connection;
                try
                {
                    connection = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }
                lock (_gate) _connections.Add(Task.Run(() => Serve(connection)));
            }
        }

        private void Serve(TcpClient connection)
        {
            using (connection)
            using (var stream = connection.GetStream())
            {
                var head = ReadHead(stream);
                if (head.IndexOf("Expect: 100-continue", StringComparison.OrdinalIgnoreCase) >= 0) SawExpectContinue = true;
                lock (_gate)
                {
                    _open++;
                    if (_open > MostAtOnce) MostAtOnce = _open;
                    Monitor.PulseAll(_gate);
                    var until = DateTime.UtcNow.AddSeconds(5);
                    while (_open < Expected && DateTime.UtcNow < until) Monitor.Wait(_gate, TimeSpan.FromMilliseconds(100));
                }
                var body = Encoding.UTF8.GetBytes("{\"item_seller_get_response\":{\"item\":{\"num_iid\":1},\"request_id\":\"loopback\"}}");
                var answer = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
                stream.Write(answer, 0, answer.Length);
                stream.Write(body, 0, body.Length);
                lock (_gate) _open--;
            }
        }

        // Reads up to the blank line; the body does not matter here.
        private static string ReadHead(Stream stream)
        {
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && stream.Read(buffer, 0, 1) == 1) head.Append((char)buffer[0]);
            return head.ToString();
        }

        public void Dispose() => _listener.Stop();
    }
}

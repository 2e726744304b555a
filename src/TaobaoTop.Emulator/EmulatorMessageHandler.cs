using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TaobaoTop.Emulator
{
    /// <summary>In-process transport: an <see cref="HttpClient"/> on this handler talks to the emulator without a socket.</summary>
    internal sealed class EmulatorMessageHandler : HttpMessageHandler
    {
        private readonly TopEmulator _emulator;

        public EmulatorMessageHandler(TopEmulator emulator) => _emulator = emulator;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // As over a socket: a request cancelled before it is handed over never reaches the gateway.
            cancellationToken.ThrowIfCancellationRequested();
            var response = await _emulator.HandleAsync(request, cancellationToken).ConfigureAwait(false);
            response.RequestMessage = request;
            return response;
        }
    }
}

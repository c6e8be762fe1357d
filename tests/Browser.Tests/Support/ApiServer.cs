using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Net.Sockets;
using System.Text.Json;

namespace Restaurant.Browser.Tests.Support;

/// <summary>
/// The API as a real server on a free loopback port, on a throw-away SQLite file, serving the pages from the
/// repository's src/Api (its content root) as `dotnet run --project src/Api` does.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public const string StaffKey = "browser-tests-staff-key";

    private readonly Process _process;
    private readonly string _folder;

    private ApiServer(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        _folder = folder;
        Staff = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey);
    }

    public Uri Address { get; }

    /// <summary>A client with the staff key, for what a test sets up or reads outside the browser.</summary>
    public HttpClient Staff { get; }

    public static async Task<ApiServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var folder = Directory.CreateTempSubdirectory("restaurant-browser-").FullName;
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList =
                {
                    Path.Combine(AppContext.BaseDirectory, "Restaurant.Api.dll"),
                    "--urls", address.ToString().TrimEnd('/'),
                    "--contentRoot", Path.Combine(Repository.Root, "src", "Api"),
                },
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["Restaurant__StaffKeys__0"] = StaffKey;
            start.Environment["Restaurant__Database"] = "sqlite";
            start.Environment["ConnectionStrings__Restaurant"] = $"Data Source={Path.Combine(folder, "restaurant.db")}";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            // It is killed at the end, which leaves its diagnostics pipes in /tmp; nothing attaches to it.
            start.Environment["DOTNET_EnableDiagnostics"] = "0";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new ApiServer(process, address, folder);
            if (await server.WhenReadyAsync()) return server;
            await server.DisposeAsync();
            if (attempt == 3) throw new InvalidOperationException("The API did not start on three ports");
        }
    }

    /// <summary>The table's current code, as printed in its QR code.</summary>
    public async Task<string> TableCodeAsync(string table)
    {
        var tables = await Staff.GetFromJsonAsync<JsonElement>("/tables");
        return tables.EnumerateArray().Single(t => t.GetProperty("id").GetString() == table).GetProperty("code").GetString()!;
    }

    /// <summary>The address the table's QR code holds.</summary>
    public async Task<string> TableAddressAsync(string table) =>
        new Uri(Address, $"/t/{table}?code={Uri.EscapeDataString(await TableCodeAsync(table))}").ToString();

    /// <summary>Adds a table to the floor (the seeded tables are taken by other tests).</summary>
    public async Task AddTableAsync(string table) =>
        (await Staff.PutAsJsonAsync($"/tables/{Uri.EscapeDataString(table)}", new { seats = 4 })).EnsureSuccessStatusCode();

    /// <summary>
    /// The ids of the first <paramref name="count"/> events of <paramref name="type"/> in the event log of the table's
    /// order (its stream read from the start); waits until there are that many.
    /// </summary>
    public async Task<IReadOnlyList<long>> EventIdsAsync(string table, string type, int count)
    {
        var tables = await Staff.GetFromJsonAsync<JsonElement>("/tables");
        var orderId = tables.EnumerateArray().Single(t => t.GetProperty("id").GetString() == table).GetProperty("order").GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{orderId}/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await Staff.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        response.EnsureSuccessStatusCode();
        var ids = new List<long>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(deadline.Token)).EnumerateAsync(deadline.Token))
        {
            if (item.EventType == type) ids.Add(long.Parse(item.EventId!, System.Globalization.CultureInfo.InvariantCulture));
            if (ids.Count == count) return ids;
        }
        throw new InvalidOperationException($"The stream of table {table}'s order ended before {count} {type} events");
    }

    public async ValueTask DisposeAsync()
    {
        Staff.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>True once the server answers with the staff key; false if it exits first (its port was taken).</summary>
    private async Task<bool> WhenReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited) return false;
            try
            {
                if ((await Staff.GetAsync("/tables")).StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The API was not ready within 90 seconds");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

namespace Restaurant.Api.Infrastructure;

/// <summary>A response written once to bytes, so a replay sends exactly what the first request got.</summary>
public sealed class StoredResponse(int statusCode, string? contentType, string? location, byte[] body, string? preferenceApplied = null) : IResult
{
    public int StatusCode { get; } = statusCode;
    public string? ContentType { get; } = contentType;
    public string? Location { get; } = location;
    public byte[] Body { get; } = body;
    /// <summary>The preference the first answer honoured (<see cref="ReturnPreference"/>): a replay answers in the same shape and says so.</summary>
    public string? PreferenceApplied { get; } = preferenceApplied;

    public static async Task<StoredResponse> CaptureAsync(object? result, HttpContext http)
    {
        if (result is not IResult executable)
            throw new InvalidOperationException("Command endpoints return IResult values.");
        var capture = new DefaultHttpContext { RequestServices = http.RequestServices };
        using var buffer = new MemoryStream();
        capture.Response.Body = buffer;
        await executable.ExecuteAsync(capture);
        return new StoredResponse(capture.Response.StatusCode, capture.Response.ContentType, capture.Response.Headers.Location, buffer.ToArray(),
            capture.Response.Headers[ReturnPreference.AppliedHeader].FirstOrDefault());
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        if (ContentType is not null) httpContext.Response.ContentType = ContentType;
        if (Location is not null) httpContext.Response.Headers.Location = Location;
        if (PreferenceApplied is not null) httpContext.Response.Headers[ReturnPreference.AppliedHeader] = PreferenceApplied;
        await httpContext.Response.Body.WriteAsync(Body);
    }
}

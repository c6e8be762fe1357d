namespace Restaurant.Api.Infrastructure;

/// <summary>A 200 whose body is the minimal answer a <c>Prefer: return=minimal</c> asked for, with <c>Preference-Applied</c>.</summary>
public sealed class MinimalAnswer<T>(T value) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value => value;
    object? IValueHttpResult.Value => value;
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers[ReturnPreference.AppliedHeader] = ReturnPreference.Minimal;
        return TypedResults.Ok(value).ExecuteAsync(httpContext);
    }
}

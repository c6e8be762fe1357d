using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Support;

/// <summary>The running API's own database, for arranging states no endpoint can reach yet and for inspecting storage.</summary>
public static class ApiDatabase
{
    public static RestaurantDbContext Open(RestaurantApi api) => api.Database.OpenContext();
}

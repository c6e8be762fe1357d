namespace Restaurant.Benchmarks.Baseline;

internal static class BaselineSchema
{
    /// <summary>Orders and OrderLines as src/Api/Persistence/Migrations/Sqlite/20261121000000_Initial.cs creates them.</summary>
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS "Orders" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY,
            "Table" TEXT NOT NULL,
            "Guests" INTEGER NULL,
            "Status" TEXT NOT NULL,
            "CreatedAt" INTEGER NOT NULL,
            "AccessTokenHash" TEXT NOT NULL,
            "Version" INTEGER NOT NULL,
            "Bill" TEXT NULL,
            "Paid" INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS "OrderLines" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_OrderLines" PRIMARY KEY,
            "Position" INTEGER NOT NULL,
            "MenuItemId" TEXT NOT NULL,
            "Name" TEXT NOT NULL,
            "Quantity" INTEGER NOT NULL,
            "UnitPrice" INTEGER NOT NULL,
            "Diner" TEXT NULL,
            "Note" TEXT NULL,
            "TicketNumber" INTEGER NULL,
            "OrderId" TEXT NOT NULL,
            CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
        );
        CREATE UNIQUE INDEX IF NOT EXISTS "IX_OrderLines_OrderId_Position" ON "OrderLines" ("OrderId", "Position");
        CREATE INDEX IF NOT EXISTS "IX_OrderLines_OrderId_TicketNumber" ON "OrderLines" ("OrderId", "TicketNumber");
        CREATE UNIQUE INDEX IF NOT EXISTS "IX_Orders_AccessTokenHash" ON "Orders" ("AccessTokenHash");
        CREATE INDEX IF NOT EXISTS "IX_Orders_CreatedAt" ON "Orders" ("CreatedAt");
        CREATE INDEX IF NOT EXISTS "IX_Orders_Status_CreatedAt" ON "Orders" ("Status", "CreatedAt");
        CREATE UNIQUE INDEX IF NOT EXISTS "IX_Orders_Table" ON "Orders" ("Table") WHERE "Status" <> 'Paid';
        """;
}

HeapSettings.apply()
await LucidCommand.start(CommandArguments.all)

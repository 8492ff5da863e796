await LucidCommand.start(CommandArguments.all)

"""The recovery passes of news_persons, one module each; the component runs them in order."""

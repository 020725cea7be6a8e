import Root from "./card.svelte";
import Content from "./card-content.svelte";
import Description from "./card-description.svelte";
import Footer from "./card-footer.svelte";
import Header from "./card-header.svelte";
import Title from "./card-title.svelte";

export {
  Root,
  Header,
  Title,
  Description,
  Content,
  Footer,
  Root as Card,
  Header as CardHeader,
  Title as CardTitle,
  Description as CardDescription,
  Content as CardContent,
  Footer as CardFooter,
};
